package io.tsstudio.ui.concurrent;

/** What a job does off the UI thread. It may report progress and should stop early once cancelled. */
@FunctionalInterface
public interface Work<T> {
    T run(JobContext context) throws Exception;
}
