package io.tsstudio.ui.graph.layout;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The layout worker: ELK's network simplex recurses along long chains and overflowed a default stack at 10,000
 * nodes (BUILD-NOTES §6), so layouts run on daemon threads with a 512 MiB stack.
 */
public final class LayoutThreads {
    public static final long STACK_BYTES = 512L << 20;
    private static final AtomicInteger COUNT = new AtomicInteger();

    private LayoutThreads() {
    }

    public static Thread newThread(Runnable r) {
        Thread t = new Thread(null, r, "elk-layout-" + COUNT.incrementAndGet(), STACK_BYTES);
        t.setDaemon(true);
        return t;
    }

    /** A single worker: layouts run one at a time, newest request last. */
    public static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(LayoutThreads::newThread);
    }
}
