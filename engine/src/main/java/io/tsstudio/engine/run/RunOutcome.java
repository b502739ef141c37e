package io.tsstudio.engine.run;


/**
 * What a run gave back.
 *
 * @param outputJson the output exactly as {@code tsstudio run --json} prints it
 * @param output     the output as a tree with tensor summaries, for the outputs view
 * @param device     the device the run used
 * @param timedMode  the mode the calls were timed in ({@link TimedMode#label})
 * @param intraOpThreads LibTorch's intra-op thread count during the run, reported with the figures
 */
public record RunOutcome(String outputJson, OutputNode output, RunStats stats, String device, String timedMode,
                         int intraOpThreads) {
}
