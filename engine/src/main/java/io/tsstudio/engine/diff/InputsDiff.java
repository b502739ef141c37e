package io.tsstudio.engine.diff;

import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.InputProposal;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.values.ValueJson;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The numeric part of a comparison as the studio asks for it: both models run one method on the same inputs, given
 * as JSON texts ({@code tsstudio run --arg}) or proposed from the first model's method as the run panel proposes
 * them. The studio's worker runs this; it runs the user's model code, so it never runs in the studio process.
 */
public final class InputsDiff {
    /** @param inputs the inputs both models ran on, one {@code name = json} per argument */
    public record Result(NumericDiff numeric, String inputs) {
    }

    private InputsDiff() {
    }

    /**
     * Runs {@code method} of both on {@code argsJson} (empty: proposed from {@code a}). Fails with an
     * IllegalArgumentException that says why (a model without the method, no inputs could be proposed, a run failed),
     * or a CancellationException.
     */
    public static Result run(ScriptModule a, ScriptModule b, String method, List<String> argsJson, Tolerance tolerance,
                             long keepBytes, CancelToken cancel) {
        if (!a.hasMethod(method) || !b.hasMethod(method)) {
            throw new IllegalArgumentException((a.hasMethod(method) ? "the second" : "the first") + " model has no method " + method);
        }
        List<ProposedInput> inputs = argsJson.isEmpty() ? propose(a, method) : given(a, method, argsJson);
        List<Object> values = new ArrayList<>();
        try {
            for (ProposedInput p : inputs) values.add(ValueJson.read(p.json(), p.type(), "argument '" + p.name() + "'", Device.CPU));
            NumericDiff numeric;
            try {
                numeric = ModelDiffer.numeric(a, b, method, values, tolerance, keepBytes, ModelDiffer.IN_PROCESS, cancel);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(method + " failed on the " + (argsJson.isEmpty() ? "proposed " : "") + "inputs ("
                        + e.getMessage() + ")", e);
            }
            return new Result(numeric, String.join(", ", inputs.stream().map(p -> p.name() + " = " + p.json()).toList()));
        } finally {
            values.forEach(ValueJson::closeTensors);
        }
    }

    private static List<ProposedInput> propose(ScriptModule a, String method) {
        try {
            return InputProposal.propose(a, method);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no inputs could be proposed for " + method + " (" + e.getMessage() + ")", e);
        }
    }

    private static List<ProposedInput> given(ScriptModule a, String method, List<String> argsJson) {
        List<ArgumentInfo> params = a.method(method).arguments().stream().filter(p -> !p.name().equals("self")).toList();
        if (params.size() != argsJson.size()) {
            throw new IllegalArgumentException(method + " takes " + params.size() + " arguments, " + argsJson.size() + " were given");
        }
        List<ProposedInput> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) out.add(new ProposedInput(params.get(i).name(), params.get(i).type(), argsJson.get(i), "given"));
        return out;
    }
}
