package io.tsstudio.ui.compare;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.ModelDiff;
import io.tsstudio.engine.diff.InputsDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.run.CancelToken;

import java.util.concurrent.CancellationException;

/**
 * Computes a comparison for the studio, off the FX thread: the structure, parameter and code diff here (it only reads
 * the loaded modules), then both models run on inputs proposed from the first model's method (as the run panel
 * proposes them) by {@link ComparisonRuns}: in the studio, the worker process, because those runs execute the user's
 * model code, and a native crash, an endless loop or running out of memory there must not take the studio down.
 * Closing the view cancels the runs (the worker is killed and replaced).
 */
public final class ModelComparison {
    /** @param inputs the inputs both models ran on, as JSON, or why no inputs were run */
    public record Result(ModelDiff diff, String inputs) {
    }

    private ModelComparison() {
    }

    public static Result run(ScriptModule a, ScriptModule b, String method, ComparisonRuns runs, CancelToken cancel) {
        ModelDiff structure = ModelDiffer.compare(a, b, cancel);
        if (!a.hasMethod(method) || !b.hasMethod(method)) {
            return new Result(structure, "not run: " + (a.hasMethod(method) ? "the second" : "the first") + " model has no method " + method);
        }
        if (runs == null) return new Result(structure, "not run: no worker process is set up to run the models");
        try {
            InputsDiff.Result numeric = runs.run(a, b, method, cancel);
            return new Result(structure.withNumeric(numeric.numeric()), numeric.inputs());
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (cancel.isCancelled()) throw new CancellationException("comparison cancelled");
            return new Result(structure, "not run: " + e.getMessage());
        }
    }
}
