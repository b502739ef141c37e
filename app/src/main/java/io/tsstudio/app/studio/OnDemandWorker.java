package io.tsstudio.app.studio;

import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;

import java.util.function.Consumer;

/**
 * A worker process started on first use (most sessions never run a graph or a comparison, and a second JVM with
 * LibTorch is not free) and closed with the studio. Graph-editor runs and comparisons each own one, so that stopping
 * one kind never ends the other's runs or unloads the run panel's model.
 */
final class OnDemandWorker implements AutoCloseable {
    private final WorkerLaunch launch;
    private WorkerClient worker;
    private boolean closed;

    OnDemandWorker(WorkerLaunch launch) {
        this.launch = launch;
    }

    /** The worker, started now if it is not running yet; refused once the studio closes. */
    synchronized WorkerClient get() {
        if (closed) throw new IllegalStateException("the studio is closing");
        if (worker == null) worker = new WorkerClient(launch);
        return worker;
    }

    /** Applies {@code action} to the worker if one was started; starts none. */
    synchronized void ifStarted(Consumer<WorkerClient> action) {
        if (worker != null) action.accept(worker);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (worker != null) worker.close();
    }
}
