package io.tsstudio.ui.observe;

import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.engine.run.RunRequest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Observed and stepped runs of the run panel's loaded model (the app's worker process). Futures may complete on any
 * thread. Values of the last observed run stay available until the next one.
 */
public interface ObserveBackend {
    /** Runs {@code request} once, observed: outcome, records, values. */
    CompletableFuture<ObservedRun> observe(RunRequest request);

    /** One value of the last observed run by {@link ValueKeys#value value key}, as the outputs view shows it. */
    CompletableFuture<OutputNode> value(String valueKey);

    /** The outputs of one node of the last observed run by {@link ValueKeys#node node key}. */
    CompletableFuture<OutputNode> nodeValue(String nodeKey);

    /**
     * Starts a stepped run: {@code paused} hears each pause (first at the first node when {@code stepFirst}, else at
     * the first breakpoint); the future completes when the run ends (fails with "Stopped." after {@link #stopDebugging}).
     */
    CompletableFuture<ObservedRun> debug(RunRequest request, List<Breakpoint> breakpoints, boolean stepFirst, Consumer<Frame> paused);

    CompletableFuture<Void> step(StepKind how);

    CompletableFuture<Void> setBreakpoints(List<Breakpoint> breakpoints);

    /** Ends the stepped run within a second, even one stuck inside a native operation. */
    void stopDebugging();
}
