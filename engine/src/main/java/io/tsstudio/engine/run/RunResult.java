package io.tsstudio.engine.run;

/** What a run gives back: the output of the last timed call of the first caller, and the timings. */
public record RunResult<T>(T output, RunStats stats) {
}
