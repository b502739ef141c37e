package io.tsstudio.ui.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a computation for the latest submitted input only, optionally after a quiet period (debounce), on a lane of
 * its {@link TaskRunner}, and hands the result to a sink on the UI thread. Results of inputs that a newer submission
 * made stale are dropped, both before computing and before delivering: the snapshot-compute-apply-latest pattern of
 * RichTextFX's async highlighting demo. Made by {@link TaskRunner#latest}; many of them share the lane's threads.
 */
public final class LatestResultWorker<I, O> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LatestResultWorker.class.getName());

    private final Executor lane;
    private final ScheduledExecutorService timer;
    private final Function<I, O> compute;
    private final Executor delivery;
    private final Consumer<O> sink;
    private final AtomicLong revision = new AtomicLong();
    private ScheduledFuture<?> pending;
    private volatile boolean closed;

    /** {@code timer} null: the delay is ignored and the work runs on {@code lane} at once (the in-place runner). */
    LatestResultWorker(Executor lane, ScheduledExecutorService timer, Function<I, O> compute, Executor delivery, Consumer<O> sink) {
        this.lane = lane;
        this.timer = timer;
        this.compute = compute;
        this.delivery = delivery;
        this.sink = sink;
    }

    /** Submits an input; the result arrives after {@code delayMillis} of quiet plus the computation, unless superseded. */
    public synchronized long submit(I input, long delayMillis) {
        long rev = revision.incrementAndGet();
        if (closed) return rev;
        if (pending != null) pending.cancel(false);
        pending = null;
        Runnable onLane = () -> run(rev, input);
        try {
            if (timer == null || delayMillis <= 0) lane.execute(onLane);
            else pending = timer.schedule(() -> lane.execute(onLane), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "latest-result job rejected (shut down): " + e);
        }
        return rev;
    }

    /** The revision of the latest submission. */
    public long revision() {
        return revision.get();
    }

    private void run(long rev, I input) {
        if (closed || rev != revision.get()) return;
        O out;
        try {
            out = compute.apply(input);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "background computation failed: " + e, e);
            return;
        }
        if (closed || rev != revision.get()) return;
        delivery.execute(() -> {
            if (!closed && rev == revision.get()) sink.accept(out);
        });
    }

    /** Drops whatever is pending or running; the shared lane threads stay for other jobs. */
    @Override
    public synchronized void close() {
        closed = true;
        revision.incrementAndGet();
        if (pending != null) pending.cancel(false);
    }
}
