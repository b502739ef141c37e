package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.ui.run.RunBackend;
import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.ui.observe.Breakpoint;
import io.tsstudio.ui.observe.ObserveBackend;
import io.tsstudio.ui.observe.ObservedRun;
import io.tsstudio.ui.observe.StepKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The app's side of the run worker: starts the worker process in the background, sends it requests, and keeps a
 * live one at hand. {@link #cancel()} kills the worker (a TorchScript {@code while True:} cannot be stopped any other
 * way) and starts a fresh one, which reloads the model the old one had; a worker that dies on its own (native crash,
 * killed for memory) is reported in plain words on the requests it was serving and replaced the same way.
 * Toolkit-free; every method may be called from any thread.
 */
public class WorkerClient implements RunBackend, ObserveBackend, AutoCloseable {
    private final WorkerLaunch launch;
    private final Consumer<String> console;
    private final Set<CompletableFuture<?>> outstanding = ConcurrentHashMap.newKeySet();
    private volatile CompletableFuture<WorkerConnection> current;
    private volatile ObjectNode reloadRequest;
    private volatile boolean closed;
    private volatile CompletableFuture<JsonNode> debugRun;

    /** Starts the first worker in the background and returns at once. Console lines go to {@code console}. */
    public WorkerClient(WorkerLaunch launch, Consumer<String> console) {
        this.launch = launch;
        this.console = console;
        this.current = startWorker();
    }

    public WorkerClient(WorkerLaunch launch) {
        this(launch, line -> { });
    }

    /** Completes when a worker is connected (and has reloaded the model, after a restart). */
    public CompletableFuture<Void> ready() {
        return current.thenApply(c -> null);
    }

    /** The worker's process id, for tests and diagnostics; null while none is connected. */
    public Long workerPid() {
        WorkerConnection c = current.getNow(null);
        return c == null ? null : c.pid();
    }

    /**
     * Sends one request (an object with an {@code op}) once a worker is ready. The future gives the reply's result,
     * or fails with a {@link WorkerException} (plain words) or a {@link CancellationException}.
     */
    public CompletableFuture<JsonNode> request(ObjectNode request, Consumer<JsonNode> progress) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the worker client is closed"));
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        outstanding.add(result);
        result.whenComplete((r, e) -> outstanding.remove(result));
        // A request still waiting for a worker when it is cancelled must never reach one.
        current.thenCompose(c -> result.isDone() ? result : c.request(request, progress)).whenComplete((r, e) -> {
            if (e == null) result.complete(r);
            else result.completeExceptionally(unwrap(e));
        });
        return result;
    }

    public CompletableFuture<JsonNode> request(ObjectNode request) {
        return request(request, p -> { });
    }

    // ---- the run panel's backend ----

    @Override
    public CompletableFuture<DeviceList> devices() {
        return request(WorkerMessages.op("devices")).thenApply(r -> {
            List<String> list = new ArrayList<>();
            r.path("devices").forEach(d -> list.add(d.asText()));
            return new DeviceList(list, r.path("gpuBuild").asBoolean());
        });
    }

    /** Loads the model in the worker; a worker started later (after a cancel or a crash) loads it again by itself. */
    @Override
    public CompletableFuture<List<MethodInfo>> load(Path model, String device) {
        ObjectNode req = WorkerMessages.op("load").put("path", model.toAbsolutePath().toString()).put("device", device);
        return request(req).thenApply(r -> {
            reloadRequest = req;
            return WorkerMessages.methods(r);
        });
    }

    @Override
    public CompletableFuture<List<ProposedInput>> propose(String method) {
        return request(WorkerMessages.op("propose").put("method", method)).thenApply(WorkerMessages::proposals);
    }

    @Override
    public CompletableFuture<RunOutcome> run(RunRequest run, RunListener progress) {
        return request(WorkerMessages.run(run), p -> progress.progress(RunListener.Phase.valueOf(p.path("phase").asText()),
                p.path("done").asInt(), p.path("total").asInt())).thenApply(WorkerMessages::outcome);
    }

    @Override
    public CompletableFuture<Void> saveOutput(List<Integer> path, Path file) {
        ObjectNode req = WorkerMessages.op("save").put("file", file.toAbsolutePath().toString());
        path.forEach(req.putArray("path")::add);
        return request(req).thenApply(r -> null);
    }

    // ---- comparisons ----

    /**
     * Loads both model files in the worker (next to, not instead of, its loaded model), runs {@code method} of both on
     * {@code argsJson} (empty: inputs proposed from {@code a}) and compares them.
     */
    public CompletableFuture<io.tsstudio.engine.diff.InputsDiff.Result> diff(Path a, Path b, String method, List<String> argsJson,
                                                                           io.tsstudio.engine.diff.Tolerance tolerance) {
        ObjectNode req = WorkerMessages.op("diff").put("a", a.toAbsolutePath().toString()).put("b", b.toAbsolutePath().toString())
                .put("method", method).put("rtol", tolerance.rtol()).put("atol", tolerance.atol());
        argsJson.forEach(req.putArray("args")::add);
        return request(req).thenApply(r -> new io.tsstudio.engine.diff.InputsDiff.Result(
                NumericDiffJson.numericDiff(r.path("numeric")), r.path("inputs").asText()));
    }

    // ---- observed and stepped runs ----

    @Override
    public java.util.Optional<ObserveBackend> observer() {
        return java.util.Optional.of(this);
    }

    @Override
    public CompletableFuture<ObservedRun> observe(RunRequest run) {
        ObjectNode req = WorkerMessages.run(run).put("op", "observe");
        return request(req).thenApply(ObservationJson::observedRun);
    }

    @Override
    public CompletableFuture<OutputNode> value(String valueKey) {
        return request(WorkerMessages.op("value").put("key", valueKey)).thenApply(WorkerClient::outputNode);
    }

    @Override
    public CompletableFuture<OutputNode> nodeValue(String nodeKey) {
        return request(WorkerMessages.op("value").put("node", nodeKey)).thenApply(WorkerClient::outputNode);
    }

    @Override
    public CompletableFuture<ObservedRun> debug(RunRequest run, List<Breakpoint> breakpoints, boolean stepFirst, Consumer<Frame> paused) {
        ObjectNode req = WorkerMessages.run(run).put("op", "debug").put("stepFirst", stepFirst);
        req.set("breakpoints", breakpointsJson(breakpoints));
        CompletableFuture<JsonNode> f = request(req, p -> {
            if (p.has("paused")) paused.accept(ObservationJson.frame(p.get("paused")));
        });
        debugRun = f;
        return f.thenApply(ObservationJson::observedRun);
    }

    @Override
    public CompletableFuture<Void> step(StepKind how) {
        return request(WorkerMessages.op("debug-step").put("how", how.wire())).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Void> setBreakpoints(List<Breakpoint> breakpoints) {
        ObjectNode req = WorkerMessages.op("debug-breakpoints");
        req.set("breakpoints", breakpointsJson(breakpoints));
        return request(req).thenApply(r -> null);
    }

    /**
     * Asks the worker to stop the stepped run (it does at its next node); a run still going after
     * {@value #STOP_GRACE_MS} ms is inside one native operation, and the worker is killed and replaced as by
     * {@link #cancel()}.
     */
    @Override
    public void stopDebugging() {
        CompletableFuture<JsonNode> run = debugRun;
        if (run == null || run.isDone()) return;
        request(WorkerMessages.op("debug-stop"));
        CompletableFuture.delayedExecutor(STOP_GRACE_MS, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> {
            if (!run.isDone()) cancel();
        });
    }

    static final long STOP_GRACE_MS = 500;

    private static com.fasterxml.jackson.databind.node.ArrayNode breakpointsJson(List<Breakpoint> breakpoints) {
        com.fasterxml.jackson.databind.node.ArrayNode a = WorkerJson.MAPPER.createArrayNode();
        for (Breakpoint b : breakpoints) {
            if (b.isNode()) a.addObject().put("node", b.nodeKey());
            else a.addObject().put("file", b.file()).put("line", b.line());
        }
        return a;
    }

    private static OutputNode outputNode(JsonNode n) {
        try {
            return WorkerJson.MAPPER.treeToValue(n, OutputNode.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new WorkerException(WorkerException.Kind.ERROR, "the worker sent an unreadable value: " + e.getOriginalMessage());
        }
    }

    /**
     * Stops whatever the worker is doing: every outstanding request ends with {@link CancellationException} at
     * once, and the worker process is killed and replaced in the background. Returns without waiting.
     */
    @Override
    public void cancel() {
        CompletableFuture<WorkerConnection> old = current;
        WorkerConnection c = old.getNow(null);
        if (c != null && !closed) {
            current = startWorker();
            c.kill();
        }
        CancellationException why = new CancellationException("cancelled");
        for (CompletableFuture<?> f : outstanding) f.completeExceptionally(why);
    }

    @Override
    public void close() {
        closed = true;
        current.thenAccept(WorkerConnection::shutdown);
        current.cancel(false);
        for (CompletableFuture<?> f : outstanding) f.completeExceptionally(new CancellationException("worker client closed"));
    }

    private CompletableFuture<WorkerConnection> startWorker() {
        CompletableFuture<WorkerConnection> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                WorkerConnection c = WorkerConnection.open(launch, console);
                c.death().thenAccept(why -> replaceIfCurrent(f));
                ObjectNode reload = reloadRequest;
                if (reload != null) c.request(reload, p -> { }).exceptionally(e -> null).join();
                if (closed) c.shutdown();
                f.complete(c);
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e instanceof WorkerException ? e
                        : new WorkerException(WorkerException.Kind.CRASHED, "The worker process could not be started: " + e.getMessage()));
            }
        }, "worker-start");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** A worker that died on its own is replaced, so the next request finds a live one. */
    private synchronized void replaceIfCurrent(CompletableFuture<WorkerConnection> dead) {
        if (!closed && current == dead) current = startWorker();
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        return e;
    }
}
