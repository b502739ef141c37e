package io.tsstudio.ui.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a computation on its own worker thread for the latest submitted input only, optionally after a quiet period
 * (debounce), and hands the result to a sink on the delivery executor (the FX thread in the app, the calling thread
 * in tests). Results of inputs that a newer submission made stale are dropped, both before computing and before
 * delivering: the snapshot-compute-apply-latest pattern of RichTextFX's async highlighting demo.
 */
public final class LatestResultWorker<I, O> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LatestResultWorker.class.getName());

    private final ScheduledExecutorService worker;
    private final Function<I, O> compute;
    private final Executor delivery;
    private final Consumer<O> sink;
    private final AtomicLong revision = new AtomicLong();
    private ScheduledFuture<?> pending;

    public LatestResultWorker(String threadName, Function<I, O> compute, Executor delivery, Consumer<O> sink) {
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.compute = compute;
        this.delivery = delivery;
        this.sink = sink;
    }

    /** Submits an input; the result arrives after {@code delayMillis} of quiet plus the computation, unless superseded. */
    public synchronized long submit(I input, long delayMillis) {
        long rev = revision.incrementAndGet();
        if (pending != null) pending.cancel(false);
        pending = worker.schedule(() -> run(rev, input), delayMillis, TimeUnit.MILLISECONDS);
        return rev;
    }

    /** The revision of the latest submission. */
    public long revision() {
        return revision.get();
    }

    private void run(long rev, I input) {
        if (rev != revision.get()) return;
        O out;
        try {
            out = compute.apply(input);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "background computation failed: " + e, e);
            return;
        }
        if (rev != revision.get()) return;
        delivery.execute(() -> {
            if (rev == revision.get()) sink.accept(out);
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
