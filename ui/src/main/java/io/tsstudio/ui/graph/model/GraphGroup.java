package io.tsstudio.ui.graph.model;

import java.util.List;

/** The nodes and edges drawn inside one container (or at the top level): the unit of layout. */
public final class GraphGroup {
    private final String path;
    private final List<GraphNode> nodes;
    private final List<GraphEdge> edges;
    GraphNode owner;

    GraphGroup(String path, List<GraphNode> nodes, List<GraphEdge> edges) {
        this.path = path;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        for (int i = 0; i < this.nodes.size(); i++) {
            GraphNode n = this.nodes.get(i);
            n.group = this;
            n.index = i;
        }
    }

    /** Unique path of this group in the view ({@code /layers.0#forward}); node ids start with it. */
    public String path() {
        return path;
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public List<GraphEdge> edges() {
        return edges;
    }

    /** The container node this group is the inside of; null for the top level. */
    public GraphNode owner() {
        return owner;
    }

    public int depth() {
        int d = 0;
        for (GraphNode o = owner; o != null; o = o.group().owner) {
            d++;
        }
        return d;
    }

    @Override
    public String toString() {
        return path + " (" + nodes.size() + " nodes)";
    }
}
