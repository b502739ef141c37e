package io.tsstudio.engine.diff;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.run.CancelToken;

/**
 * Compares two models. The structure, parameter and code parts read both modules; the numeric part compares two
 * observed runs of the same method on the same inputs.
 */
public final class ModelDiffer {
    private ModelDiffer() {
    }

    /** Modules, parameters and buffers, class code. */
    public static ModelDiff compare(ScriptModule a, ScriptModule b) {
        return compare(a, b, CancelToken.none());
    }

    /** As {@link #compare(ScriptModule, ScriptModule)}; a cancel ends it with a CancellationException. */
    public static ModelDiff compare(ScriptModule a, ScriptModule b, CancelToken cancel) {
        return StructureDiff.of(a, b, cancel);
    }

    /** Two observations of the same method on the same inputs, matched module call by module call. */
    public static NumericDiff numeric(Observation a, Observation b, Tolerance tolerance) {
        return CallMatching.compare(a, b, tolerance);
    }
}
