package io.tsstudio.ui.graph.model;

import java.util.List;
import java.util.Map;

/**
 * Drawn groups made by hand, for layout tests that need shapes IR never produces (a cycle, a lone node); the
 * constructors stay package-private in main code because only {@link GroupBuilder} makes them there.
 */
public final class TestGraphs {
    private TestGraphs() {
    }

    /** An operator node with no ports, no attributes and no IR behind it. */
    public static GraphNode operator(String id, String op) {
        return new GraphNode(id, NodeKind.OPERATOR, op, "", List.of(), List.of(), Map.of(), null, null, null);
    }

    public static GraphGroup group(String path, List<GraphNode> nodes, List<GraphEdge> edges) {
        return new GraphGroup(path, nodes, edges);
    }
}
