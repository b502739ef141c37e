package io.tsstudio.ui.graph.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a node's values come from and go to, across the group hierarchy: an edge that reaches a group's input (or
 * output) node continues at the container that owns the group (an If's branch continues at the If itself).
 */
final class Dataflow {
    private Dataflow() {
    }

    /** Nodes whose values flow into {@code n}, in the order found. */
    static Set<GraphNode> upstream(GraphNode n) {
        return walk(n, true);
    }

    /** Nodes that read values {@code n} produces, in the order found. */
    static Set<GraphNode> downstream(GraphNode n) {
        return walk(n, false);
    }

    private static Set<GraphNode> walk(GraphNode start, boolean up) {
        Set<GraphNode> seen = new LinkedHashSet<>();
        Deque<GraphNode> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            GraphNode n = todo.poll();
            GraphGroup g = n.group();
            for (GraphEdge e : g.edges()) {
                GraphNode next = up ? (e.to() == n ? e.from() : null) : (e.from() == n ? e.to() : null);
                if (next != null && seen.add(next)) {
                    todo.add(next);
                }
            }
            NodeKind boundary = up ? NodeKind.INPUT : NodeKind.OUTPUT;
            GraphNode owner = g.owner();
            if (n.kind() == boundary && owner != null) {
                GraphNode outer = owner.kind() == NodeKind.BRANCH ? owner.group().owner() : owner;
                if (outer != null && seen.add(outer)) {
                    todo.add(outer);
                }
            }
        }
        seen.remove(start);
        return seen;
    }
}
