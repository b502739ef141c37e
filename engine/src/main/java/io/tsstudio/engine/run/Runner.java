package io.tsstudio.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one timing engine (CLI, worker, benchmarks): warmup calls, then timed calls from one or more concurrent
 * callers on the same callable (a module method; TorchScript has no GIL, so callers really run in parallel).
 *
 * <p>Calls run on their own threads; the thread that called {@link #run} only waits, so a cancel returns at once
 * even while a call is stuck inside LibTorch. Such a call keeps its (daemon) thread until it ends: stopping it for
 * real takes a process boundary, which is why the app runs user models in a worker process.
 */
public final class Runner {
    /** One call of the code under test. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    /** Something a caller thread holds around all of its calls (an InferenceMode guard: {@code PreparedCall.enterThread}). */
    @FunctionalInterface
    public interface ThreadContext {
        AutoCloseable enter() throws Exception;
    }

    private final RunPlan plan;
    private RunListener listener = RunListener.NONE;
    private ThreadContext context = () -> () -> { };

    public Runner(RunPlan plan) {
        this.plan = plan;
    }

    public Runner onProgress(RunListener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * Runs {@code context} on each caller thread (warmup and timed) before its first call and closes it after its
     * last, so per-thread setup is not inside the timed calls.
     */
    public Runner onCallerThread(ThreadContext context) {
        this.context = context;
        return this;
    }

    public <T> RunResult<T> run(Call<T> call, CancelToken token) throws Exception {
        return run(call, t -> { }, token);
    }

    /**
     * Runs the plan. {@code release} receives every output that is not returned (warmup outputs, all but the last
     * call of the first caller), so owners of native results can close them.
     *
     * @throws CancellationException when {@code token} is cancelled before the run ends
     * @throws Exception the first exception a call threw; the other callers stop after their current call
     */
    public <T> RunResult<T> run(Call<T> call, Consumer<? super T> release, CancelToken token) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Runnable hook = () -> {
            stop.set(true);
            cancelled.complete(null);
        };
        token.onCancel(hook);
        try {
            if (plan.warmup() > 0) {
                CompletableFuture<Void> warm = start("run-warmup", stop, () -> {
                    try (AutoCloseable c = context.enter()) {
                        for (int i = 0; i < plan.warmup() && !stop.get(); i++) {
                            release.accept(call.call());
                            listener.progress(RunListener.Phase.WARMUP, i + 1, plan.warmup());
                        }
                    }
                    return null;
                });
                await(warm, cancelled, stop);
            }
            return timed(call, release, stop, cancelled);
        } finally {
            token.removeHook(hook);
        }
    }

    private <T> RunResult<T> timed(Call<T> call, Consumer<? super T> release, AtomicBoolean stop,
                                   CompletableFuture<Void> cancelled) throws Exception {
        int callers = plan.concurrency();
        long[] latencies = new long[plan.iterations()];
        AtomicInteger done = new AtomicInteger();
        AtomicReference<T> kept = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        int offset = 0;
        for (int c = 0; c < callers; c++) {
            int first = offset;
            int count = plan.iterationsOf(c);
            offset += count;
            boolean keeper = c == 0;
            futures.add(start("run-caller-" + c, stop, () -> {
                boolean counted = false;
                try (AutoCloseable context = this.context.enter()) {
                    ready.countDown();
                    counted = true;
                    go.await();
                    for (int i = 0; i < count && !stop.get(); i++) {
                        long t0 = System.nanoTime();
                        T out = call.call();
                        latencies[first + i] = System.nanoTime() - t0;
                        if (keeper && i == count - 1) kept.set(out); else release.accept(out);
                        listener.progress(RunListener.Phase.TIMED, done.incrementAndGet(), plan.iterations());
                    }
                } finally {
                    if (!counted) ready.countDown(); // a context that failed to enter must not leave the run waiting
                }
                return null;
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), cancelled, stop);
        long wall = System.nanoTime() - start;
        return new RunResult<>(kept.get(), RunStats.of(latencies, wall, callers));
    }

    /** Waits for {@code work}; a cancel ends the wait at once; a failure stops the other callers. */
    private static void await(CompletableFuture<Void> work, CompletableFuture<Void> cancelled, AtomicBoolean stop) throws Exception {
        try {
            CompletableFuture.anyOf(work, cancelled).get();
        } catch (ExecutionException e) {
            stop.set(true);
            throw unwrap(e.getCause());
        }
        if (!work.isDone()) throw new CancellationException("run cancelled");
        if (stop.get() && cancelled.isDone()) throw new CancellationException("run cancelled");
    }

    private static Exception unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        if (t instanceof Exception e) return e;
        if (t instanceof Error e) throw e;
        return new RuntimeException(t);
    }

    private interface Body {
        Void run() throws Exception;
    }

    /**
     * Caller threads are pooled (a new thread per run cost about 0.2 ms); a call stuck in LibTorch keeps its thread
     * and the pool makes another for the next run.
     */
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "run-caller");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code body} on a pooled daemon thread; a failure also stops the run's other callers. */
    private static CompletableFuture<Void> start(String name, AtomicBoolean stop, Body body) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        CALLERS.execute(() -> {
            Thread self = Thread.currentThread();
            String was = self.getName();
            self.setName(name);
            try {
                body.run();
                f.complete(null);
            } catch (Throwable e) {
                stop.set(true);
                f.completeExceptionally(e);
            } finally {
                self.setName(was);
            }
        });
        return f;
    }
}
