package io.tsstudio.engine.diff;

import java.util.List;
import java.util.Optional;

/**
 * What differs between two models: modules by submodule path, parameters and buffers by dotted name, the printed
 * code of their classes, and (when inputs were given) what their runs computed.
 */
public record ModelDiff(List<ModuleChange> modules, List<ParameterChange> parameters, List<ClassCodeDiff> code,
                        Optional<NumericDiff> numeric) {
    public ModelDiff {
        modules = List.copyOf(modules);
        parameters = List.copyOf(parameters);
        code = List.copyOf(code);
    }

    /** Same modules, classes, code, parameter shapes and values. */
    public boolean structureEqual() {
        return modules.stream().allMatch(m -> m.status() == ModuleChange.Status.EQUAL)
                && parameters.stream().allMatch(p -> p.status() == ParameterChange.Status.EQUAL)
                && code.stream().noneMatch(ClassCodeDiff::changed);
    }

    /**
     * Equivalent on the inputs when they were run (the same outputs within tolerance, no module diverging), else
     * equal in structure, parameters and code.
     */
    public boolean equivalent() {
        return numeric.map(NumericDiff::equivalent).orElseGet(this::structureEqual);
    }

    public ModelDiff withNumeric(NumericDiff n) {
        return new ModelDiff(modules, parameters, code, Optional.of(n));
    }
}
