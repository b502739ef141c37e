package io.tsstudio.engine.run;

import java.util.Arrays;

/**
 * Latency and throughput of the timed calls of one run. Latencies are in milliseconds; percentiles interpolate
 * linearly between the two nearest ranks (what {@code numpy.percentile} does by default).
 *
 * @param throughput timed calls per second of wall time, all callers together
 */
public record RunStats(int count, int concurrency, double minMs, double maxMs, double meanMs, double stdMs,
                       double p50Ms, double p90Ms, double p99Ms, double wallMs, double throughput) {

    /** Stats of the given per-call latencies (nanoseconds), measured over {@code wallNanos} of wall time. */
    public static RunStats of(long[] latencyNanos, long wallNanos, int concurrency) {
        if (latencyNanos.length == 0) throw new IllegalArgumentException("no latencies to summarize");
        double[] ms = new double[latencyNanos.length];
        for (int i = 0; i < ms.length; i++) ms[i] = latencyNanos[i] / 1e6;
        Arrays.sort(ms);
        double sum = 0;
        for (double v : ms) sum += v;
        double mean = sum / ms.length;
        double sq = 0;
        for (double v : ms) sq += (v - mean) * (v - mean);
        double std = ms.length > 1 ? Math.sqrt(sq / (ms.length - 1)) : 0;
        double wallMs = wallNanos / 1e6;
        double throughput = wallNanos > 0 ? ms.length / (wallNanos / 1e9) : Double.POSITIVE_INFINITY;
        return new RunStats(ms.length, concurrency, ms[0], ms[ms.length - 1], mean, std,
                percentile(ms, 50), percentile(ms, 90), percentile(ms, 99), wallMs, throughput);
    }

    /** The {@code p}-th percentile (0..100) of ascending {@code sorted} values, interpolating between ranks. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) throw new IllegalArgumentException("no values");
        if (p < 0 || p > 100) throw new IllegalArgumentException("percentile must be within 0..100, got " + p);
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
