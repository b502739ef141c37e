package io.tsstudio.app.studio;

import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.InputsDiff;
import io.tsstudio.engine.diff.Tolerance;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.ui.compare.ComparisonRuns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Where the studio's comparisons run both models: a worker process of their own, started on the first comparison.
 * Not the run panel's or the graph editors' worker, because stopping a comparison kills its worker, and that must not
 * end a run or lose a model loaded elsewhere. Both modules are saved to a private temporary folder for the worker to
 * load: one side is often in memory only (frozen, optimized, edited), and saving runs none of the model's code.
 */
public final class CompareRuns implements ComparisonRuns, AutoCloseable {
    private final OnDemandWorker worker;
    /** Comparisons handed to the worker and not yet answered (tests wait on it instead of sleeping). */
    private final java.util.concurrent.atomic.AtomicInteger inWorker = new java.util.concurrent.atomic.AtomicInteger();

    public CompareRuns(WorkerLaunch launch) {
        this.worker = new OnDemandWorker(launch);
    }

    /** The worker, started now if it is not running yet. */
    WorkerClient worker() {
        return worker.get();
    }

    /** Saves both modules on the calling thread; the worker runs them, and nothing here waits for it. */
    @Override
    public CompletableFuture<InputsDiff.Result> run(ScriptModule a, ScriptModule b, String method, CancelToken cancel) {
        Path dir;
        try {
            dir = Files.createTempDirectory("tsstudio-compare");
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("cannot write the models for the worker: " + e.getMessage(), e));
        }
        Path fileA = dir.resolve("a.pt"), fileB = dir.resolve("b.pt");
        try {
            a.save(fileA);
            b.save(fileB);
            if (cancel.isCancelled()) throw new CancellationException("comparison cancelled");
        } catch (RuntimeException e) {
            deleteAll(dir);
            return CompletableFuture.failedFuture(e);
        }
        WorkerClient w = worker();
        // a TorchScript loop cannot be stopped in the worker: the cancel kills it, and a fresh one is started
        Runnable kill = w::cancel;
        CompletableFuture<InputsDiff.Result> f = w.diff(fileA, fileB, method, List.of(), Tolerance.DEFAULT);
        inWorker.incrementAndGet();
        cancel.onCancel(kill);
        return f.handle((result, error) -> {
            inWorker.decrementAndGet();
            cancel.removeHook(kill);
            deleteAll(dir);
            if (error == null) return result;
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof CancellationException c && cancel.isCancelled()) throw c;
            if (cause instanceof CancellationException) {
                // comparisons share the worker: stopping another one killed it under this one
                throw new IllegalStateException("the runs were ended because another comparison was stopped; compare again");
            }
            if (cause instanceof RuntimeException r) throw r;
            throw new CompletionException(cause);
        });
    }

    /** How many comparisons the worker has been handed and not answered yet. */
    int inWorker() {
        return inWorker.get();
    }

    private static void deleteAll(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
