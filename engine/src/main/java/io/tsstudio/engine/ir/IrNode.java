package io.tsstudio.engine.ir;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One IR node.
 *
 * @param id          unique within its graph, stable across extractions of the same graph ({@code n12})
 * @param kind        qualified kind, e.g. {@code aten::linear}, {@code prim::CallMethod}, {@code prim::If}
 * @param inputs      ids of the values it reads, in order
 * @param outputs     ids of the values it produces, in order
 * @param attributes  node attributes by name ({@code value} of a constant, {@code name} of GetAttr/CallMethod);
 *                    values are Long, Double, String, Boolean, List, or a short text for tensors
 * @param blocks      nested blocks ({@code prim::If} has two, {@code prim::Loop} one)
 * @param sourceRange where in the TorchScript source the node came from, when known
 * @param scope       scope name as LibTorch records it (traced graphs), may be empty
 * @param schema      the matched operator schema text, when the node is an operator call
 * @param call        for {@code prim::CallMethod}/{@code prim::CallFunction}: what it calls
 */
public record IrNode(String id, String kind, List<String> inputs, List<String> outputs, Map<String, Object> attributes,
                     List<IrBlock> blocks, Optional<IrSourceRange> sourceRange, String scope, Optional<String> schema,
                     Optional<IrCall> call) {
    public IrNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = Map.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    /** The operator namespace: {@code aten}, {@code prim}, ... */
    public String namespace() {
        int i = kind.indexOf("::");
        return i < 0 ? "" : kind.substring(0, i);
    }

    /** The unqualified kind: {@code linear} for {@code aten::linear}. */
    public String shortKind() {
        int i = kind.indexOf("::");
        return i < 0 ? kind : kind.substring(i + 2);
    }
}
