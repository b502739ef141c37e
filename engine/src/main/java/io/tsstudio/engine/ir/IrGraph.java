package io.tsstudio.engine.ir;

import java.util.List;
import java.util.Map;

/**
 * One method's TorchScript graph, immutable. Not inlined: submodule calls stay {@code prim::CallMethod} nodes
 * (see {@link IrNode#call()}), so a view can show the module hierarchy and open one submodule at a time.
 *
 * @param owner      qualified class name of the module that owns the method ({@code __torch__.Net}), or the function name
 * @param method     the method name ({@code forward})
 * @param schema     the method's schema text, e.g. {@code forward(__torch__.Net self, Tensor x) -> Tensor}
 * @param inputs     graph inputs (for methods the first is {@code self})
 * @param nodes      top-level nodes in order (nested nodes live in {@link IrNode#blocks()})
 * @param outputs    graph outputs (values produced by nodes or graph inputs)
 * @param values     every value in the graph, nested blocks included, by {@link IrValue#id()}
 */
public record IrGraph(String owner, String method, String schema, List<IrValue> inputs, List<IrNode> nodes,
                      List<IrValue> outputs, Map<String, IrValue> values) {
    public IrGraph {
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
        values = Map.copyOf(values);
    }

    public IrValue value(String id) {
        return values.get(id);
    }
}
