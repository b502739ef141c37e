package io.tsstudio.engine.diff;

import java.util.List;
import java.util.Optional;

/**
 * Both models run on the same inputs with observation, their module calls matched by path and call order.
 *
 * @param outputsEqual     the method's results are within tolerance (same structure and shapes)
 * @param outputMaxAbsDiff largest {@code |a - b|} over the results' tensors; null when their shapes differ
 * @param modules          every module called in both runs, in execution order of their first call
 * @param firstDivergence  the first module, in the order calls returned, whose output is beyond tolerance: where the
 *                         two models start to compute different things
 * @param onlyInA          modules called only in the first run (a traced twin inlines its submodules' calls)
 * @param onlyInB          modules called only in the second run
 */
public record NumericDiff(String method, Tolerance tolerance, boolean outputsEqual, Double outputMaxAbsDiff,
                          List<ModuleOutputDiff> modules, Optional<ModuleOutputDiff> firstDivergence,
                          List<String> onlyInA, List<String> onlyInB) {
    public NumericDiff {
        modules = List.copyOf(modules);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
    }

    public boolean equivalent() {
        return outputsEqual && firstDivergence.isEmpty();
    }
}
