package io.tsstudio.ui.graph.model;

import java.util.List;

/** A data edge between two nodes of the same group: output port {@code fromPort} of {@code from} feeds input {@code toPort} of {@code to}. */
public record GraphEdge(GraphNode from, int fromPort, GraphNode to, int toPort, String valueId, String type) {
    /** An edge is the value it carries: named after the value, else after the port that produces it. */
    public String valueName() {
        if (valueId != null && !valueId.isBlank()) {
            return valueId;
        }
        List<Port> outs = from.outputs();
        return fromPort < outs.size() ? outs.get(fromPort).name() : from.title();
    }
}
