package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.observe.StackEntry;
import io.tsstudio.engine.observe.Stepper;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.ui.observe.ValueKeys;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The worker's side of a debug session: the {@link Stepper} the observing executor calls before each node. It
 * pauses (blocking the run's thread) where the last command says (step into: the next node; step over: the next node
 * at this call depth or above; step out: the next node above this depth; continue: none) or at a breakpoint, tells
 * the studio where it stands, and waits for the next command. {@link #stop()} wakes it and ends the run at the
 * next node; a run stuck inside one native op is the studio's to end (it kills the worker).
 */
final class WorkerDebugger implements Stepper {
    enum Mode { STEP_INTO, STEP_OVER, STEP_OUT, CONTINUE }

    private final Object lock = new Object();
    private final CancelToken token = new CancelToken();
    private final Consumer<Frame> paused;
    private volatile boolean stopped;
    private volatile Set<String> nodeBreaks = Set.of();
    private volatile Set<String> lineBreaks = Set.of();
    private Mode mode;
    private int commandDepth;
    private boolean resume;
    private int pausedDepth = -1;
    private String pausedLine;

    /** {@code first}: STEP_INTO pauses at the first node, CONTINUE runs to the first breakpoint. */
    WorkerDebugger(Mode first, JsonNode breakpoints, Consumer<Frame> paused) {
        this.mode = first;
        this.paused = paused;
        setBreakpoints(breakpoints);
    }

    CancelToken token() {
        return token;
    }

    /**
     * Breakpoints as the studio sends them: {@code [{"node": "layer1#forward/n7"}, {"file": "code/__torch__.py", "line": 12}]}
     * (node keys as {@link ValueKeys#node}; lines of the archive's code files, as IR source ranges name them).
     */
    void setBreakpoints(JsonNode list) {
        Set<String> nodes = new HashSet<>();
        Set<String> lines = new HashSet<>();
        for (JsonNode b : list) {
            if (b.has("node")) nodes.add(b.get("node").asText());
            else if (b.has("file")) lines.add(b.get("file").asText() + ":" + b.path("line").asInt());
        }
        nodeBreaks = Set.copyOf(nodes);
        lineBreaks = Set.copyOf(lines);
    }

    @Override
    public void before(Frame frame) throws InterruptedException {
        if (stopped) throw new InterruptedException("stopped");
        int depth = frame.stack().size();
        StackEntry at = frame.current();
        String line = at.source().map(r -> r.file() + ":" + r.startLine()).orElse(null);
        Mode m;
        synchronized (lock) {
            m = mode;
            // Leaving the line of the last pause (at its depth) arms that line's breakpoint again.
            if (line != null && depth == pausedDepth && !line.equals(pausedLine)) pausedLine = null;
        }
        boolean step = switch (m) {
            case STEP_INTO -> true;
            case STEP_OVER -> depth <= commandDepth;
            case STEP_OUT -> depth < commandDepth;
            case CONTINUE -> false;
        };
        boolean atNode = nodeBreaks.contains(ValueKeys.node(at.module(), at.method(), at.nodeId()));
        boolean atLine = line != null && lineBreaks.contains(line) && !(depth == pausedDepth && line.equals(pausedLine));
        if (!step && !atNode && !atLine) return;
        synchronized (lock) {
            pausedDepth = depth;
            pausedLine = line;
            resume = false;
        }
        paused.accept(frame);
        synchronized (lock) {
            while (!resume && !stopped) lock.wait();
            commandDepth = depth;
        }
        if (stopped) throw new InterruptedException("stopped");
    }

    void command(Mode next) {
        synchronized (lock) {
            mode = next;
            resume = true;
            lock.notifyAll();
        }
    }

    void stop() {
        stopped = true;
        token.cancel();
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
