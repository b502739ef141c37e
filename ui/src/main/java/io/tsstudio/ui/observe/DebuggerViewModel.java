package io.tsstudio.ui.observe;

import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.run.RunRequest;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The step-through debugger's state and commands, without scene-graph types: breakpoints (graph nodes and code
 * lines), a stepped run in the backend (the worker process), where it is paused (the frame: call stack and
 * variables), and the run it finished. Starting is Run to breakpoint (no pause before the first breakpoint) or a
 * step (pause at the first node); while paused, the steps, Continue and Stop. Backend events arrive on any thread
 * and are applied through {@code ui}.
 */
public final class DebuggerViewModel {
    public enum State { IDLE, RUNNING, PAUSED }

    /** One row of the variables view. */
    public record Variable(String name, String value) {
    }

    private final Supplier<Optional<ObserveBackend>> backend;
    private final Supplier<Optional<RunRequest>> request;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ObservedRun> finished = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Set breakpoints on graph nodes or code lines, then Run to breakpoint or Step.");
    private final ObservableList<Breakpoint> breakpoints = FXCollections.observableArrayList();
    private final ObservableList<Variable> variables = FXCollections.observableArrayList();
    private final ObservableList<String> stack = FXCollections.observableArrayList();
    private ObserveBackend active;
    private long commandAt;
    private long lastStepNanos = -1;

    public DebuggerViewModel(Supplier<Optional<ObserveBackend>> backend, Supplier<Optional<RunRequest>> request, Executor ui) {
        this.backend = backend;
        this.request = request;
        this.ui = ui;
    }

    // ---- commands

    public void runToBreakpoint() {
        if (state.get() == State.PAUSED) step(StepKind.CONTINUE);
        else if (state.get() == State.IDLE) start(false);
    }

    public void stepOver() {
        stepOrStart(StepKind.OVER);
    }

    public void stepInto() {
        stepOrStart(StepKind.INTO);
    }

    public void stepOut() {
        if (state.get() == State.PAUSED) step(StepKind.OUT);
    }

    public void resume() {
        if (state.get() == State.PAUSED) step(StepKind.CONTINUE);
    }

    /** Ends the stepped run; the backend makes sure it ends within a second. */
    public void stop() {
        if (state.get() == State.IDLE || active == null) return;
        status.set("Stopping\u2026");
        active.stopDebugging();
    }

    public boolean hasBreakpoint(Breakpoint b) {
        return breakpoints.contains(b);
    }

    /** Sets or clears a breakpoint; a running session learns it at once. */
    public void toggleBreakpoint(Breakpoint b) {
        if (!breakpoints.remove(b)) breakpoints.add(b);
        if (active != null && state.get() != State.IDLE) active.setBreakpoints(List.copyOf(breakpoints));
    }

    private void stepOrStart(StepKind how) {
        if (state.get() == State.PAUSED) step(how);
        else if (state.get() == State.IDLE) start(true);
    }

    private void start(boolean stepFirst) {
        Optional<ObserveBackend> b = backend.get();
        if (b.isEmpty()) {
            status.set("Load a TorchScript model in the Run panel first: the debugger runs it in the worker process.");
            return;
        }
        Optional<RunRequest> r = request.get();
        if (r.isEmpty()) {
            status.set("The Run panel has no method to run, or an argument does not parse (see its message).");
            return;
        }
        active = b.get();
        state.set(State.RUNNING);
        frame.set(null);
        variables.clear();
        stack.clear();
        status.set(stepFirst ? "Starting " + r.get().method() + "\u2026" : "Running " + r.get().method() + " to the first breakpoint\u2026");
        commandAt = System.nanoTime();
        ObserveBackend started = active;
        started.debug(r.get(), List.copyOf(breakpoints), stepFirst, f -> ui.execute(() -> {
            if (active == started) paused(f);
        })).whenComplete((run, e) -> ui.execute(() -> {
            if (active != started) return;
            active = null;
            state.set(State.IDLE);
            frame.set(null);
            variables.clear();
            stack.clear();
            if (e == null) {
                finished.set(run);
                status.set(String.format(java.util.Locale.ROOT, "%s finished in %s (observed).", run.observation().method(),
                        ObservationIndex.millis(run.observation().totalNanos())));
            } else {
                Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                status.set(c instanceof CancellationException ? "Stopped." : c.getMessage());
            }
        }));
    }

    private void step(StepKind how) {
        state.set(State.RUNNING);
        status.set(how == StepKind.CONTINUE ? "Running to the next breakpoint\u2026" : "Stepping\u2026");
        commandAt = System.nanoTime();
        active.step(how).exceptionally(e -> {
            ui.execute(() -> status.set(e.getMessage()));
            return null;
        });
    }

    private void paused(Frame f) {
        lastStepNanos = System.nanoTime() - commandAt;
        frame.set(f);
        state.set(State.PAUSED);
        List<String> s = new ArrayList<>();
        for (int i = f.stack().size() - 1; i >= 0; i--) {
            var e = f.stack().get(i);
            s.add((e.module().isEmpty() ? "(root)" : e.module()) + "." + e.method() + "  " + e.kind() + " " + e.nodeId()
                    + e.source().map(r -> "  line " + r.startLine()).orElse(""));
        }
        stack.setAll(s);
        List<Variable> vars = new ArrayList<>();
        for (Map.Entry<String, ObservedValue> v : new TreeMap<>(f.variables()).entrySet()) {
            vars.add(new Variable(v.getKey(), ObservationIndex.label(v.getValue())));
        }
        variables.setAll(vars);
        var at = f.current();
        status.set("Paused before " + at.kind() + " (" + at.nodeId() + ") in " + (at.module().isEmpty() ? "(root)" : at.module())
                + "." + at.method() + at.source().map(r -> ", line " + r.startLine()).orElse(""));
    }

    // ---- state

    /** Nanoseconds from the last command to the pause it led to (what the step-latency benchmark reads); -1 before. */
    public long lastStepNanos() {
        return lastStepNanos;
    }

    /** The node key of the node the run is paused before, or empty. */
    public Optional<String> currentNodeKey() {
        Frame f = frame.get();
        if (f == null) return Optional.empty();
        var at = f.current();
        return Optional.of(ValueKeys.node(at.module(), at.method(), at.nodeId()));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The observed run a session ran to its end. */
    public ReadOnlyObjectProperty<ObservedRun> finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<Breakpoint> breakpoints() {
        return breakpoints;
    }

    public ObservableList<Variable> variables() {
        return variables;
    }

    /** The call stack, innermost first, as module path, method and node. */
    public ObservableList<String> stack() {
        return stack;
    }
}
