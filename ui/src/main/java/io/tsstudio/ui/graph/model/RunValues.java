package io.tsstudio.ui.graph.model;

import java.util.Optional;

/**
 * What a run produced for a node or an edge of the graph on screen, as text for the context menu's "Values after a
 * run". Empty when no run has produced values for it (the view then says so).
 */
public interface RunValues {
    Optional<String> forNode(GraphNode node);

    Optional<String> forEdge(GraphEdge edge);

    /** No run yet. */
    static RunValues none() {
        return new RunValues() {
            @Override
            public Optional<String> forNode(GraphNode node) {
                return Optional.empty();
            }

            @Override
            public Optional<String> forEdge(GraphEdge edge) {
                return Optional.empty();
            }
        };
    }
}
