package io.tsstudio.ui.compare;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.InputsDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.diff.Tolerance;
import io.tsstudio.engine.run.CancelToken;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Tests only: both runs in the test's own process (the studio runs them in the worker, see the app's CompareRuns). */
public final class SameProcessComparisonRuns implements ComparisonRuns {
    @Override
    public CompletableFuture<InputsDiff.Result> run(ScriptModule a, ScriptModule b, String method, CancelToken cancel) {
        return CompletableFuture.completedFuture(InputsDiff.run(a, b, method, List.of(), Tolerance.DEFAULT, ModelDiffer.DEFAULT_KEEP_BYTES, cancel));
    }
}
