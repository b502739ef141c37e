package io.tsstudio.ui.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One submitted piece of background work. Its {@link #result()} completes on the UI thread with the value, the
 * work's exception, or a {@link CancellationException}; progress reaches the UI thread coalesced (the latest report
 * only, never a queue of stale ones).
 */
public final class Job<T> implements JobContext {
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final UiThread ui;
    private final Consumer<Progress> onProgress;
    private final AtomicReference<Progress> pendingProgress = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelled;

    Job(UiThread ui, Consumer<Progress> onProgress) {
        this.ui = ui;
        this.onProgress = onProgress;
    }

    /** Completes on the UI thread; after {@link #cancel()} with a {@link CancellationException}. */
    public CompletableFuture<T> result() {
        return result;
    }

    /**
     * Cancels: a job not yet started never starts; a running one sees {@link #isCancelled()} and its value is
     * dropped. The result completes at once, on the calling thread (call it on the UI thread), with a
     * {@link CancellationException}. Returns false when already done.
     */
    public boolean cancel() {
        if (result.isDone()) return false;
        cancelled = true;
        return result.completeExceptionally(new CancellationException("cancelled"));
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** True once the work began on its lane (for tests and status lines). */
    public boolean hasStarted() {
        return started.get();
    }

    @Override
    public void progress(long done, long total, String message) {
        if (cancelled || onProgress == null) return;
        if (pendingProgress.getAndSet(new Progress(done, total, message)) != null) return; // a delivery is already queued
        ui.execute(() -> {
            Progress p = pendingProgress.getAndSet(null);
            if (p != null && !cancelled && !result.isDone()) onProgress.accept(p);
        });
    }

    void run(Work<T> work) {
        if (cancelled || !started.compareAndSet(false, true)) return;
        T value;
        try {
            value = work.run(this);
        } catch (Throwable e) {
            ui.execute(() -> result.completeExceptionally(e));
            return;
        }
        ui.execute(() -> {
            if (!cancelled) result.complete(value);
        });
    }

    void rejected(RuntimeException why) {
        ui.execute(() -> result.completeExceptionally(why));
    }
}
