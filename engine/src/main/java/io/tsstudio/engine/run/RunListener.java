package io.tsstudio.engine.run;

/** Progress of a run, called from the callers' threads after each call (keep it cheap). */
@FunctionalInterface
public interface RunListener {
    RunListener NONE = (phase, done, total) -> { };

    void progress(Phase phase, int done, int total);

    enum Phase { WARMUP, TIMED }
}
