package io.tsstudio.ui.graph.model;

import java.util.List;
import java.util.Optional;

/** The nodes a search matched, in hierarchy order, with a cursor for next/previous (both wrap around). */
public final class SearchResults {
    private final String query;
    private final List<GraphNode> hits;
    private int cursor = -1;

    SearchResults(String query, List<GraphNode> hits) {
        this.query = query;
        this.hits = List.copyOf(hits);
    }

    public String query() {
        return query;
    }

    public List<GraphNode> hits() {
        return hits;
    }

    public int size() {
        return hits.size();
    }

    /** Index of the current hit, -1 before the first {@link #next()}. */
    public int cursor() {
        return cursor;
    }

    public Optional<GraphNode> current() {
        return cursor < 0 || hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(cursor));
    }

    public Optional<GraphNode> next() {
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        cursor = (cursor + 1) % hits.size();
        return current();
    }

    public Optional<GraphNode> previous() {
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        cursor = cursor <= 0 ? hits.size() - 1 : cursor - 1;
        return current();
    }
}
