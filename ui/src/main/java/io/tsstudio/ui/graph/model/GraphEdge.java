package io.tsstudio.ui.graph.model;

/** A data edge between two nodes of the same group: output port {@code fromPort} of {@code from} feeds input {@code toPort} of {@code to}. */
public record GraphEdge(GraphNode from, int fromPort, GraphNode to, int toPort, String valueId, String type) {
}
