package io.tsstudio.ui.run;

import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.ui.concurrent.FxUiThread;
import io.tsstudio.ui.concurrent.LatestReplies;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.observe.ObserveBackend;
import io.tsstudio.ui.observe.ObservedRun;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The run panel's state and commands, without any scene-graph type: pick a device and a method, edit the
 * arguments the method's schema asks for, run or benchmark in the {@link RunBackend}, cancel, look at the outputs.
 * Backend results arrive on any thread and are applied through the {@code ui} executor (the FX thread in the app).
 */
public final class RunPanelViewModel {
    /** Shown when LibTorch sees no GPU: how to get one. */
    public static final String GPU_NOTE = "Only the CPU is available. For an NVIDIA GPU: install CUDA 13.1 and cuDNN 9.19, "
            + "then build the GPU variant: mvn -Ppytorch-gpu -DskipTests package";

    public static final List<Integer> CONCURRENCY_CHOICES = List.of(1, 2, 4);

    private final RunBackend backend;
    private final InputsStore store;
    private final Executor ui;

    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final StringProperty device = new SimpleStringProperty("cpu");
    private final ReadOnlyStringWrapper deviceNote = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Path> modelFile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MethodInfo> methods = FXCollections.observableArrayList();
    private final ObjectProperty<MethodInfo> method = new SimpleObjectProperty<>();
    private final ArgumentRows arguments = new ArgumentRows();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    /** The benchmark or observed (profiled) run under way, by title; null while none. Plain runs are short: not jobs. */
    private final ReadOnlyStringWrapper job = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No model loaded.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<RunOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty benchmarkMode = new SimpleBooleanProperty();
    /** Single runs go through the observing executor (shapes, values and time per node), where the backend can. */
    private final BooleanProperty observe = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<ObservedRun> observedRun = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty warmup = new SimpleIntegerProperty(10);
    private final IntegerProperty iterations = new SimpleIntegerProperty(100);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(1);
    private final ObservableList<BenchmarkResult> benchmarks = FXCollections.observableArrayList();
    /** Tells apart the replies of a superseded request (a model replaced, a run cancelled) from the current one. */
    private final LatestReplies requests;
    private final TaskRunner runner;
    private boolean reloading;

    public RunPanelViewModel(RunBackend backend, InputsStore store, Executor ui) {
        this(backend, store, TaskRunner.on(FxUiThread.delivering(ui)));
    }

    public RunPanelViewModel(RunBackend backend, InputsStore store, TaskRunner runner) {
        this.backend = backend;
        this.store = store;
        this.ui = runner.ui();
        this.requests = runner.latestReplies();
        this.runner = runner;
        method.addListener((o, old, now) -> {
            if (old != null) arguments.remember(old.name());
            arguments.show(now, backend::propose, ui, method::get);
        });
        device.addListener((o, old, now) -> {
            if (now != null && !now.equals(old) && modelFile.get() != null && !reloading) load(modelFile.get());
        });
    }

    // ---- commands ----

    /** Asks the backend for its devices; call once when the panel opens. */
    public CompletableFuture<Void> refreshDevices() {
        return backend.devices().handle((list, e) -> {
            ui.execute(() -> {
                if (e != null) {
                    error.set("Cannot list devices: " + message(e));
                    return;
                }
                devices.setAll(list.devices());
                if (!devices.contains(device.get())) device.set(devices.isEmpty() ? "cpu" : devices.get(0));
                deviceNote.set(list.devices().stream().noneMatch(d -> d.startsWith("cuda")) ? GPU_NOTE : null);
            });
            return null;
        });
    }

    /** Loads {@code file} in the backend on the chosen device, then lists its methods and restores remembered inputs. */
    public CompletableFuture<Void> setModel(Path file) {
        runner.checkUiThread();
        if (modelFile.get() != null && method.get() != null) saveInputs();
        // Deselect now, while the old model's inputs are current: deselecting later would remember them for the new model.
        method.set(null);
        InputsStore.ModelInputs saved = store.load(file);
        arguments.restore(saved == null ? null : saved.arguments());
        if (saved != null) {
            if (saved.device() != null && (devices.isEmpty() || devices.contains(saved.device())) && !saved.device().equals(device.get())) {
                reloading = true;
                device.set(saved.device());
                reloading = false;
            }
        }
        modelFile.set(file);
        clearResults();
        return load(file).thenRun(() -> ui.execute(() -> {
            if (saved != null && saved.method() != null) {
                methods.stream().filter(m -> m.name().equals(saved.method())).findFirst().ifPresent(method::set);
            }
        }));
    }

    private CompletableFuture<Void> load(Path file) {
        LatestReplies.Request gen = begin("Loading " + file.getFileName() + " on " + device.get() + "...");
        String dev = device.get();
        return backend.load(file, dev).handle((list, e) -> {
            ui.execute(() -> {
                if (!gen.isCurrent()) return;
                end();
                if (e != null) {
                    fail(e, "Loading " + file.getFileName() + " failed.");
                    methods.clear();
                    method.set(null);
                    return;
                }
                MethodInfo previous = method.get();
                methods.setAll(list);
                MethodInfo pick = list.stream().filter(m -> previous != null && m.name().equals(previous.name())).findFirst()
                        .orElse(list.stream().filter(m -> m.name().equals("forward")).findFirst().orElse(list.isEmpty() ? null : list.get(0)));
                method.set(null);
                method.set(pick);
                status.set("Loaded " + file.getFileName() + " on " + dev + ": " + list.size() + " method" + (list.size() == 1 ? "" : "s") + ".");
            });
            return null;
        });
    }

    /** Runs the selected method once with the entered arguments. */
    public CompletableFuture<Void> run() {
        return execute(RunPlan.single(), false);
    }

    /** Benchmarks the selected method with the warmup, iterations and concurrent callers set. */
    public CompletableFuture<Void> benchmark() {
        RunPlan plan;
        try {
            plan = new RunPlan(warmup.get(), iterations.get(), concurrency.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return execute(plan, true);
    }

    private CompletableFuture<Void> execute(RunPlan plan, boolean benchmark) {
        runner.checkUiThread();
        MethodInfo m = method.get();
        if (m == null) {
            error.set("Load a model and pick a method first.");
            return CompletableFuture.completedFuture(null);
        }
        Optional<List<String>> parsed = argumentJson();
        if (parsed.isEmpty()) return CompletableFuture.completedFuture(null);
        List<String> args = parsed.get();
        String dev = device.get();
        LatestReplies.Request gen = begin((benchmark ? "Benchmarking " : "Running ") + m.name() + " on " + dev + "...");
        progress.set(benchmark ? 0 : -1);
        RunListener listener = (phase, done, total) -> ui.execute(() -> {
            if (!gen.isCurrent()) return;
            progress.set(phase == RunListener.Phase.WARMUP ? -1 : (double) done / total);
            status.set((phase == RunListener.Phase.WARMUP ? "Warming up " : "Timing ") + done + "/" + total + "...");
        });
        RunRequest request = new RunRequest(m.name(), args, plan);
        Optional<ObserveBackend> observer = benchmark || !observe.get() ? Optional.empty() : backend.observer();
        if (benchmark) job.set("Benchmark " + m.name() + " on " + dev);
        if (observer.isPresent()) {
            job.set("Profile " + m.name() + " on " + dev);
            return observed(observer.get(), request, gen, m);
        }
        return backend.run(request, listener).handle(reply(gen, m, out -> {
            outcome.set(out);
            observedRun.set(null);
            if (benchmark) {
                benchmarks.add(new BenchmarkResult(m.name(), out.device(), out.stats()));
                status.set(String.format(Locale.ROOT, "%s on %s, %d caller%s: p50 %.3f ms, %.1f calls/s.", m.name(), out.device(),
                        out.stats().concurrency(), out.stats().concurrency() == 1 ? "" : "s", out.stats().p50Ms(), out.stats().throughput()));
            } else {
                status.set(String.format(Locale.ROOT, "%s ran on %s in %.3f ms.", m.name(), out.device(), out.stats().meanMs()));
            }
        }));
    }

    private CompletableFuture<Void> observed(ObserveBackend observer, RunRequest request, LatestReplies.Request gen, MethodInfo m) {
        return observer.observe(request).handle(reply(gen, m, run -> {
            outcome.set(run.outcome());
            observedRun.set(run);
            status.set(String.format(Locale.ROOT, "%s ran observed on %s in %.3f ms: %d nodes, %d modules.", m.name(),
                    run.outcome().device(), run.observation().totalNanos() / 1e6, run.observation().nodes().size(),
                    run.observation().modules().size()));
        }));
    }

    /**
     * A reply handler for a run of {@code m}: on the UI thread, and only while {@code gen} is the latest request, it
     * ends the run and either shows the failure or hands the value to {@code apply}.
     */
    private <T> BiFunction<T, Throwable, Void> reply(LatestReplies.Request gen, MethodInfo m, Consumer<T> apply) {
        return (value, e) -> {
            ui.execute(() -> {
                if (!gen.isCurrent()) return;
                end();
                if (e != null) {
                    clearResults();
                    fail(e, m.name() + " failed.");
                    return;
                }
                apply.accept(value);
            });
            return null;
        };
    }

    /**
     * One run of the selected method with the entered arguments, as the debugger starts it; empty (and the error
     * says why) when no method is picked or an argument does not parse.
     */
    public Optional<RunRequest> singleRunRequest() {
        MethodInfo m = method.get();
        if (m == null) {
            error.set("Load a model and pick a method first.");
            return Optional.empty();
        }
        return argumentJson().map(args -> new RunRequest(m.name(), args, RunPlan.single()));
    }

    /** The backend's observed and stepped runs, where it has them (the worker does). */
    public Optional<ObserveBackend> observer() {
        return backend.observer();
    }

    /** Stops the current run at once; the backend stays usable for the next one. */
    public void cancel() {
        runner.checkUiThread();
        if (!busy.get()) return;
        requests.supersede();
        backend.cancel();
        end();
        status.set("Cancelled.");
    }

    /** The last output as {@code tsstudio run --json} prints it, or null. */
    public String outputJson() {
        RunOutcome o = outcome.get();
        return o == null ? null : o.outputJson();
    }

    public CompletableFuture<Void> saveOutput(List<Integer> path, Path file) {
        return backend.saveOutput(path, file).handle((v, e) -> {
            ui.execute(() -> {
                if (e != null) fail(e, "Saving failed.");
                else status.set("Saved " + file.getFileName() + ".");
            });
            return null;
        });
    }

    // ---- state ----

    private LatestReplies.Request begin(String what) {
        LatestReplies.Request gen = requests.begin();
        error.set(null);
        busy.set(true);
        progress.set(-1);
        status.set(what);
        return gen;
    }

    private void end() {
        busy.set(false);
        job.set(null);
        progress.set(0);
    }

    private void fail(Throwable e, String what) {
        Throwable cause = unwrap(e);
        if (cause instanceof CancellationException) {
            status.set("Cancelled.");
            return;
        }
        status.set(what);
        error.set(message(cause));
    }

    /** The last run's outputs and the benchmark rows belong to one model and one good run: a new model or a failure drops them. */
    private void clearResults() {
        outcome.set(null);
        observedRun.set(null);
        benchmarks.clear();
    }

    /** The rows as JSON, after saving them as the model's inputs; empty (the error says why) when one does not parse. */
    private Optional<List<String>> argumentJson() {
        List<String> args;
        try {
            args = arguments.toJson();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
        saveInputs();
        return Optional.of(args);
    }

    private void saveInputs() {
        Path file = modelFile.get();
        MethodInfo m = method.get();
        if (file == null || m == null) return;
        arguments.remember(m.name());
        store.save(file, new InputsStore.ModelInputs(m.name(), device.get(), arguments.remembered()));
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        return e;
    }

    private static String message(Throwable e) {
        Throwable c = unwrap(e);
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    // ---- properties ----

    public ObservableList<String> devices() {
        return devices;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public ReadOnlyStringProperty deviceNoteProperty() {
        return deviceNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> modelFileProperty() {
        return modelFile.getReadOnlyProperty();
    }

    public ObservableList<MethodInfo> methods() {
        return methods;
    }

    public ObjectProperty<MethodInfo> methodProperty() {
        return method;
    }

    public ObservableList<ArgumentInput> arguments() {
        return arguments.rows();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 while timing, -1 while the length is unknown (one run, warmup, loading). */
    /**
     * The title of the long job under way ("Benchmark forward on cpu", "Profile forward on cpu": an observed run, timed
     * node by node), or null; it follows {@link #progressProperty()} and {@link #statusProperty()}, and {@link #cancel()}
     * stops it.
     */
    public ReadOnlyStringProperty jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public BooleanProperty observeProperty() {
        return observe;
    }

    /** The last observed run (null after a plain run, a failure or a new model). */
    public ReadOnlyObjectProperty<ObservedRun> observedRunProperty() {
        return observedRun.getReadOnlyProperty();
    }

    /** Shows a run the debugger finished as the last observed run. */
    public void showObservedRun(ObservedRun run) {
        outcome.set(run.outcome());
        observedRun.set(run);
    }

    public BooleanProperty benchmarkModeProperty() {
        return benchmarkMode;
    }

    public IntegerProperty warmupProperty() {
        return warmup;
    }

    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public ObservableList<BenchmarkResult> benchmarks() {
        return benchmarks;
    }
}
