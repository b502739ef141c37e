package io.tsstudio.ui.compare;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.ModelDiff;
import io.tsstudio.engine.diff.InputsDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.run.CancelToken;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

    /**
     * The structure, parameter and code diff now, on the calling thread; the future adds the runs' comparison once
     * {@code runs} has it (or says why there is none), or fails with a CancellationException once cancelled.
     */
    public static CompletableFuture<Result> run(ScriptModule a, ScriptModule b, String method, ComparisonRuns runs, CancelToken cancel) {
        ModelDiff structure = ModelDiffer.compare(a, b, cancel);
        if (!a.hasMethod(method) || !b.hasMethod(method)) {
            return CompletableFuture.completedFuture(new Result(structure,
                    "not run: " + (a.hasMethod(method) ? "the second" : "the first") + " model has no method " + method));
        }
        if (runs == null) return CompletableFuture.completedFuture(new Result(structure, "not run: no worker process is set up to run the models"));
        CompletableFuture<InputsDiff.Result> numeric;
        try {
            numeric = runs.run(a, b, method, cancel);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            numeric = CompletableFuture.failedFuture(e);
        }
        return numeric.handle((n, error) -> {
            if (error == null) return new Result(structure.withNumeric(n.numeric()), n.inputs());
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof CancellationException || cancel.isCancelled()) throw new CancellationException("comparison cancelled");
            return new Result(structure, "not run: " + cause.getMessage());
        });
    }
}
