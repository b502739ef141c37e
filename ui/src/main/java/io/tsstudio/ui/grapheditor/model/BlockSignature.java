package io.tsstudio.ui.grapheditor.model;

import java.util.List;
import java.util.Optional;

/** The typed ports of a block, derived from its kind, type, settings and schema. */
public record BlockSignature(List<PortSpec> inputs, List<PortSpec> outputs) {
    public BlockSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
