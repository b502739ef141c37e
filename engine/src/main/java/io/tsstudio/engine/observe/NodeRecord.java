package io.tsstudio.engine.observe;

import java.util.List;

/**
 * One IR node over the whole observed run: every call of it (a node in a loop body, or inside a submodule called
 * twice, is one record with its calls counted).
 *
 * @param module  the submodule path of the graph that holds the node, as PyTorch names it ({@code layer1.0.conv1});
 *                the root is {@code ""}
 * @param method  the method whose graph holds the node ({@code forward})
 * @param nodeId  the node's id, the same as {@code IrGraph}'s for that method ({@code n12})
 * @param outputs the node's outputs at its first call
 * @param opaque  true when the node was run whole (a construct the executor does not step through)
 */
public record NodeRecord(String module, String method, String nodeId, String kind, long calls, long totalNanos,
                         List<ObservedValue> outputs, boolean opaque) {
    public NodeRecord {
        outputs = List.copyOf(outputs);
    }
}
