package io.tsstudio.ui.graph.model;

import java.util.Set;

/**
 * What to emphasise when painting: the selection, traced ancestors/descendants, search hits, and the nodes of the
 * editor's current line.
 */
public record Highlights(GraphNode selected, Set<GraphNode> traced, Set<GraphNode> searchHits, Set<GraphNode> sourceHits) {
    public static final Highlights NONE = new Highlights(null, Set.of(), Set.of(), Set.of());

    public Highlights {
        traced = traced == null ? Set.of() : traced;
        searchHits = searchHits == null ? Set.of() : searchHits;
        sourceHits = sourceHits == null ? Set.of() : sourceHits;
    }
}
