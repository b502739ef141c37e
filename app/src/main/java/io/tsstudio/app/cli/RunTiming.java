package io.tsstudio.app.cli;

import java.util.Arrays;

/** Latency figures of timed calls: minimum, median, 90th percentile (nearest rank) and maximum, in milliseconds. */
record RunTiming(int warmup, int iterations, double minMs, double p50Ms, double p90Ms, double maxMs) {
    static RunTiming of(int warmup, long[] nanos) {
        if (nanos.length == 0) throw new IllegalArgumentException("no timed calls");
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new RunTiming(warmup, sorted.length, ms(sorted[0]), ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
