package io.tsstudio.ui.graph.render;

import io.tsstudio.ui.graph.model.GraphNode;

/**
 * Per-node paint on top of the style: a fill that replaces the kind's colour (an observed run colours nodes by
 * time) and a short badge drawn in the node's top right corner (its time). Called for every drawn node on every
 * paint, so implementations answer from a table.
 */
public interface NodeDecor {
    NodeDecor NONE = new NodeDecor() {
        @Override
        public int fill(GraphNode n) {
            return 0;
        }

        @Override
        public String badge(GraphNode n) {
            return null;
        }
    };

    /** ARGB fill, or 0 for the style's own. */
    int fill(GraphNode n);

    /** Badge text, or null for none. */
    String badge(GraphNode n);
}
