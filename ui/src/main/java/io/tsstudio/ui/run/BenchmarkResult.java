package io.tsstudio.ui.run;

import io.tsstudio.engine.run.RunStats;

/** One benchmark row: where it ran, how many concurrent callers, and the timings. */
public record BenchmarkResult(String method, String device, RunStats stats) {
    public int concurrency() {
        return stats.concurrency();
    }
}
