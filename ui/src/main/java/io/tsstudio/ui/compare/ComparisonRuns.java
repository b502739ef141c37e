package io.tsstudio.ui.compare;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.InputsDiff;
import io.tsstudio.engine.run.CancelToken;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where a comparison's two model runs happen. They run the user's model code, which may crash, never end or run out
 * of memory, so the studio wires in the worker process (the app's {@code CompareRuns}); tests may run them in
 * their own process. Called off the FX thread (it may read or save the modules there); the runs themselves must not
 * hold the calling thread, a lane of the studio's engine work, while a model loops.
 */
public interface ComparisonRuns {
    /**
     * Runs {@code method} of {@code a} and {@code b} on inputs proposed from {@code a} and compares them. The future
     * fails with an exception whose message says why in words, or a CancellationException once {@code cancel} is
     * cancelled; it may complete on any thread.
     */
    CompletableFuture<InputsDiff.Result> run(ScriptModule a, ScriptModule b, String method, CancelToken cancel);

    /** The studio's runs for compare views that were not handed any (set once by the app at start). */
    static Optional<ComparisonRuns> studioDefault() {
        return Optional.ofNullable(Default.runs);
    }

    static void setStudioDefault(ComparisonRuns runs) {
        Default.runs = runs;
    }

    /** Holder of the default: the compare views inside graph panes are made where no app object reaches. */
    final class Default {
        private static volatile ComparisonRuns runs;

        private Default() {
        }
    }
}
