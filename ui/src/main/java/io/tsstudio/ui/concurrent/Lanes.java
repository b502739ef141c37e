package io.tsstudio.ui.concurrent;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executors behind {@link Lane}s, plus a timer for debounced jobs. Threads are daemons and end when idle, so a
 * process-wide set ({@link #shared()}) costs nothing while unused and needs no shutdown.
 */
final class Lanes {
    static final int ENGINE_THREADS = 2;
    /** ELK's network simplex overflowed a default stack at 10,000 nodes (BUILD-NOTES §6). */
    static final long LAYOUT_STACK_BYTES = 512L << 20;
    private static volatile Lanes shared;

    private final Map<Lane, ExecutorService> executors = new EnumMap<>(Lane.class);
    private final ScheduledExecutorService timer;

    Lanes(int engineThreads) {
        executors.put(Lane.ENGINE, pool(engineThreads, daemons("engine-job", 0)));
        executors.put(Lane.LAYOUT, pool(1, daemons("layout-job", LAYOUT_STACK_BYTES)));
        executors.put(Lane.IO, pool(1, daemons("io-job", 0)));
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemons("job-timer", 0));
        t.setKeepAliveTime(10, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        t.setRemoveOnCancelPolicy(true);
        timer = t;
    }

    /** The lanes every runner of this process shares unless it was given its own. */
    static Lanes shared() {
        Lanes l = shared;
        if (l == null) {
            synchronized (Lanes.class) {
                if (shared == null) shared = new Lanes(ENGINE_THREADS);
                l = shared;
            }
        }
        return l;
    }

    Executor executor(Lane lane) {
        return executors.get(lane);
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    void shutdownNow() {
        executors.values().forEach(ExecutorService::shutdownNow);
        timer.shutdownNow();
    }

    private static ExecutorService pool(int threads, ThreadFactory factory) {
        ThreadPoolExecutor e = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    private static ThreadFactory daemons(String name, long stack) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, name + "-" + count.incrementAndGet(), stack);
            t.setDaemon(true);
            return t;
        };
    }
}
