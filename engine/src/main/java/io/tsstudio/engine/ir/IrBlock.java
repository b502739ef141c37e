package io.tsstudio.engine.ir;

import java.util.List;

/** A nested block of a {@code prim::If} or {@code prim::Loop}: its parameters, nodes and returned values (ids). */
public record IrBlock(List<String> inputs, List<IrNode> nodes, List<String> outputs) {
    public IrBlock {
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
    }
}
