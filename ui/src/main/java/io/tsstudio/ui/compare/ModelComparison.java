package io.tsstudio.ui.compare;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.ModelDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.diff.Tolerance;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.InputProposal;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.values.ValueJson;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Computes a comparison for the studio, off the FX thread: the structure, parameter and code diff, then both models
 * run on inputs proposed from the first model's method (as the run panel proposes them), observed in this process.
 *
 * <p>Why not in the worker: the compare view draws both modules' graphs, so both are loaded here anyway, and an
 * observation keeps every module call's output tensors for the value comparison, which the worker's JSON channel
 * would have to copy across whole. Closing the view cancels the run between nodes.
 */
public final class ModelComparison {
    /** @param inputs the inputs both models ran on, as JSON, or why no inputs were run */
    public record Result(ModelDiff diff, String inputs) {
    }

    private ModelComparison() {
    }

    public static Result run(ScriptModule a, ScriptModule b, String method, CancelToken cancel) {
        ModelDiff structure = ModelDiffer.compare(a, b, cancel);
        if (!a.hasMethod(method) || !b.hasMethod(method)) {
            return new Result(structure, "not run: " + (a.hasMethod(method) ? "the second" : "the first") + " model has no method " + method);
        }
        List<ProposedInput> proposed;
        try {
            proposed = InputProposal.propose(a, method);
        } catch (RuntimeException e) {
            return new Result(structure, "not run: no inputs could be proposed for " + method + " (" + e.getMessage() + ")");
        }
        List<Object> values = new ArrayList<>();
        try {
            for (ProposedInput p : proposed) values.add(ValueJson.read(p.json(), p.type(), "argument '" + p.name() + "'", Device.CPU));
            var numeric = ModelDiffer.numeric(a, b, method, values, Tolerance.DEFAULT, ModelDiffer.DEFAULT_KEEP_BYTES,
                    ModelDiffer.IN_PROCESS, cancel);
            return new Result(structure.withNumeric(numeric), String.join(", ", proposed.stream().map(p -> p.name() + " = " + p.json()).toList()));
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Result(structure, "not run: " + method + " failed on the proposed inputs (" + e.getMessage() + ")");
        } finally {
            values.forEach(ValueJson::closeTensors);
        }
    }
}
