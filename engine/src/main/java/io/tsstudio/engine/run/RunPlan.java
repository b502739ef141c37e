package io.tsstudio.engine.run;

/**
 * What a run does: {@code warmup} untimed calls, then {@code iterations} timed calls shared among
 * {@code concurrency} callers that call the same module at the same time.
 *
 * @param inference time inference: the module in eval mode and grad off (InferenceMode) for the run, whatever mode
 *                  it is in; false runs it as it is (eval modules under InferenceMode, training ones with grad)
 */
public record RunPlan(int warmup, int iterations, int concurrency, boolean inference) {
    public static final int MAX_CONCURRENCY = 64;

    public RunPlan {
        if (warmup < 0) throw new IllegalArgumentException("warmup must be 0 or more, got " + warmup);
        if (iterations < 1) throw new IllegalArgumentException("iterations must be 1 or more, got " + iterations);
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrent callers must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (concurrency > iterations) {
            throw new IllegalArgumentException(concurrency + " concurrent callers need at least as many iterations, got " + iterations);
        }
    }

    /** Runs the module as it is (see {@code inference}). */
    public RunPlan(int warmup, int iterations, int concurrency) {
        this(warmup, iterations, concurrency, false);
    }

    /** The same plan timing inference. */
    public RunPlan forInference() {
        return new RunPlan(warmup, iterations, concurrency, true);
    }

    /** One timed call, no warmup: what "Run" means. */
    public static RunPlan single() {
        return new RunPlan(0, 1, 1);
    }

    /** How many timed calls caller {@code index} makes: the iterations split as evenly as possible. */
    public int iterationsOf(int index) {
        return iterations / concurrency + (index < iterations % concurrency ? 1 : 0);
    }

    public int totalCalls() {
        return warmup + iterations;
    }
}
