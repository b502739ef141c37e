package io.tsstudio.ui.graph.layout;

import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphGroup;

import java.util.List;

/**
 * Positions of one group's nodes relative to the group's origin, and its edge routes: the cached result of one ELK
 * run. {@code sizes} records the node sizes it was computed for, so it is reused exactly while they hold.
 *
 * @param x        left of node i ({@link GraphNode#index()})
 * @param routes   one polyline per drawn edge (x0, y0, x1, y1, ...); parallel edges between the same two nodes share one
 * @param edges    the edge each route draws
 * @param byElk    false when {@link ChainLayout} or {@link SweepLayout} laid it out without ELK
 */
public record GroupLayout(GraphGroup group, double[] x, double[] y, double[] w, double[] h, List<double[]> routes,
                          List<GraphEdge> edges, double width, double height, long millis, boolean byElk) {
    boolean fits(double[] widths, double[] heights) {
        return java.util.Arrays.equals(w, widths) && java.util.Arrays.equals(h, heights);
    }
}
