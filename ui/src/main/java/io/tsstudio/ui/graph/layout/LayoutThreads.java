package io.tsstudio.ui.graph.layout;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread for a layout outside the studio's task runner (the CLI's headless rendering, {@code GraphSvg}): ELK's network
 * simplex recurses along long chains and overflowed a default stack at 10,000 nodes (BUILD-NOTES §6), so layouts run
 * on daemon threads with a 512 MiB stack, as the runner's layout lane does.
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
}
