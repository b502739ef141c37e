package io.tsstudio.ui.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way view models run background work, in the spirit of JabRef's {@code TaskExecutor}:
 * <ul>
 * <li>{@link #submit} a cancellable job with progress on a {@link Lane} (bounded executors: LibTorch, ELK layout,
 * small ordered I/O); its result is applied on the UI thread;</li>
 * <li>{@link #latest} a latest-result-wins worker (debounced checks, highlighting, statistics);</li>
 * <li>{@link #latestReplies()} latest-wins for replies that come from elsewhere (the worker process);</li>
 * <li>{@link #checkUiThread()} at view-model entry points and {@link #checkOffUiThread(String)} at engine entry
 * points, so a call on the wrong thread fails at once instead of freezing the window.</li>
 * </ul>
 * {@link #sameThread()} runs everything in place on the caller, for deterministic tests. Toolkit-free: the runner
 * knows the UI thread only through {@link UiThread}.
 */
public final class TaskRunner implements AutoCloseable {
    private final UiThread ui;
    private final Lanes lanes;
    private final boolean ownsLanes;

    private TaskRunner(UiThread ui, Lanes lanes, boolean ownsLanes) {
        this.ui = ui;
        this.lanes = lanes;
        this.ownsLanes = ownsLanes;
    }

    /** The app's runner: the JavaFX thread, the process-wide lanes. */
    public static TaskRunner forJavaFx() {
        return new TaskRunner(FxUiThread.get(), Lanes.shared(), false);
    }

    /** The process-wide lanes, with results applied on {@code ui}. */
    public static TaskRunner on(UiThread ui) {
        return new TaskRunner(ui, Lanes.shared(), false);
    }

    /** Lanes of its own (closed by {@link #close()}), for tests that need to know which threads ran what. */
    public static TaskRunner withOwnLanes(UiThread ui, int engineThreads) {
        return new TaskRunner(ui, new Lanes(engineThreads), true);
    }

    /** Everything in place on the calling thread: jobs finish before {@code submit} returns. For tests and tools. */
    public static TaskRunner sameThread() {
        return new TaskRunner(UiThread.sameThread(), null, false);
    }

    public UiThread ui() {
        return ui;
    }

    /** True when jobs run in place on the caller ({@link #sameThread()}). */
    public boolean runsInPlace() {
        return lanes == null;
    }

    /** Throws unless called on the UI thread: view models are not thread-safe, and their properties feed the scene. */
    public void checkUiThread() {
        if (!ui.isCurrent()) {
            throw new IllegalStateException("called on thread '" + Thread.currentThread().getName()
                    + "'; view models belong to the UI thread (hand results over through TaskRunner)");
        }
    }

    /** Throws when {@code what} (a LibTorch or ELK call, a file write) is about to block the UI thread. */
    public void checkOffUiThread(String what) {
        if (ui.blockingForbiddenHere()) {
            throw new IllegalStateException(what + " was called on the UI thread ('" + Thread.currentThread().getName()
                    + "'); it blocks, so it must run as a TaskRunner job");
        }
    }

    public <T> Job<T> submit(Lane lane, Work<T> work) {
        return submit(lane, work, null);
    }

    /** Runs {@code work} on {@code lane}; progress reports reach {@code onProgress} on the UI thread. */
    public <T> Job<T> submit(Lane lane, Work<T> work, Consumer<Progress> onProgress) {
        Job<T> job = new Job<>(ui, onProgress);
        if (lanes == null) {
            job.run(work);
            return job;
        }
        try {
            lanes.executor(lane).execute(() -> job.run(work));
        } catch (RejectedExecutionException e) {
            job.rejected(new IllegalStateException("the task runner is closed", e));
        }
        return job;
    }

    /** Runs {@code work} on {@code lane} for its effects; it hands its own results to the UI thread. */
    public Job<Void> execute(Lane lane, Runnable work) {
        return submit(lane, c -> {
            work.run();
            return null;
        });
    }

    /** A latest-result-wins worker on {@code lane}: only the newest submitted input's result reaches {@code sink}. */
    public <I, O> LatestResultWorker<I, O> latest(Lane lane, Function<I, O> compute, Consumer<O> sink) {
        Executor where = lanes == null ? Runnable::run : lanes.executor(lane);
        return new LatestResultWorker<>(where, lanes == null ? null : lanes.timer(), compute, ui, sink);
    }

    /** Latest-wins bookkeeping for replies from elsewhere, applied on this runner's UI thread. */
    public LatestReplies latestReplies() {
        return new LatestReplies(ui);
    }

    /** Stops lanes this runner owns; the shared lanes live as long as the process (their threads end when idle). */
    @Override
    public void close() {
        if (ownsLanes) lanes.shutdownNow();
    }
}
