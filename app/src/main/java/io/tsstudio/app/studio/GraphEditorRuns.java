package io.tsstudio.app.studio;

import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.ui.run.RunBackend;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where graph editors run their models: a worker process of their own, started on the first Run (most sessions never
 * run a graph, and a second JVM with LibTorch is not free). Separate from the run panel's worker, so a graph run never
 * replaces the model loaded there. Runs of several editors share it, one after another.
 */
final class GraphEditorRuns implements RunBackend, AutoCloseable {
    private final OnDemandWorker worker;

    GraphEditorRuns(WorkerLaunch launch) {
        this.worker = new OnDemandWorker(launch);
    }

    /** The worker, started now if it is not running yet. */
    WorkerClient worker() {
        return worker.get();
    }

    @Override
    public CompletableFuture<DeviceList> devices() {
        return worker().devices();
    }

    @Override
    public CompletableFuture<List<MethodInfo>> load(Path model, String device) {
        return worker().load(model, device);
    }

    @Override
    public CompletableFuture<List<ProposedInput>> propose(String method) {
        return worker().propose(method);
    }

    @Override
    public CompletableFuture<RunOutcome> run(RunRequest request, RunListener progress) {
        return worker().run(request, progress);
    }

    @Override
    public CompletableFuture<Void> saveOutput(List<Integer> path, Path file) {
        return worker().saveOutput(path, file);
    }

    @Override
    public void cancel() {
        worker.ifStarted(WorkerClient::cancel);
    }

    @Override
    public void close() {
        worker.close();
    }
}
