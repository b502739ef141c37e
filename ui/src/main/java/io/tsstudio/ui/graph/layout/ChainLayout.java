package io.tsstudio.ui.graph.layout;

import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The layout of a group that is one simple chain (input, then each node feeding only the next, then output: the
 * top level of a Sequential or of a stack of blocks). Layered layout has nothing to decide there, so the nodes are
 * stacked and centred in linear time with ELK's spacing, instead of paying ELK's fixed costs on thousands of nodes.
 */
final class ChainLayout {
    static final double PADDING = 8;
    static final double LAYER_GAP = 26;

    private ChainLayout() {
    }

    /** The stacked layout, or null when the group is not a single chain. */
    static GroupLayout layout(GraphGroup group, double[] w, double[] h) {
        long t0 = System.nanoTime();
        List<GraphNode> nodes = group.nodes();
        int n = nodes.size();
        if (n < 2) {
            return null;
        }
        int[] next = new int[n];
        int[] indeg = new int[n];
        java.util.Arrays.fill(next, -1);
        List<GraphEdge> drawn = new ArrayList<>();
        Set<Long> pairs = new HashSet<>();
        for (GraphEdge e : group.edges()) {
            int a = e.from().index(), b = e.to().index();
            if (a == b || !pairs.add(((long) a << 32) | b)) {
                continue;
            }
            if (next[a] != -1) {
                return null;
            }
            next[a] = b;
            indeg[b]++;
            if (indeg[b] > 1) {
                return null;
            }
            drawn.add(e);
        }
        int start = -1;
        for (int i = 0; i < n; i++) {
            if (indeg[i] == 0) {
                if (start != -1) {
                    return null;
                }
                start = i;
            }
        }
        if (start < 0) {
            return null;
        }
        int[] order = new int[n];
        int k = 0;
        for (int i = start; i != -1; i = next[i]) {
            if (k == n) {
                return null;
            }
            order[k++] = i;
        }
        if (k != n) {
            return null;
        }
        double maxW = 0;
        for (double v : w) {
            maxW = Math.max(maxW, v);
        }
        double cx = PADDING + maxW / 2;
        double[] x = new double[n];
        double[] y = new double[n];
        double top = PADDING;
        for (int i : order) {
            x[i] = cx - w[i] / 2;
            y[i] = top;
            top += h[i] + LAYER_GAP;
        }
        List<double[]> routes = new ArrayList<>(drawn.size());
        for (GraphEdge e : drawn) {
            int a = e.from().index(), b = e.to().index();
            routes.add(new double[]{cx, y[a] + h[a], cx, y[b]});
        }
        double height = top - LAYER_GAP + PADDING;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new GroupLayout(group, x, y, w.clone(), h.clone(), routes, drawn, maxW + 2 * PADDING, height, ms, false);
    }
}
