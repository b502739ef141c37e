package io.tsstudio.ui.graph.layout;

import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Everything visible, positioned in world coordinates: boxes of nodes (open containers first, their insides after,
 * so drawing in index order stacks them right) and edge polylines, each with a grid index for culling and picking.
 * Immutable once built; the renderers (canvas, SVG, PNG) only read it.
 */
public final class GraphScene {
    private final GraphNode[] nodes;
    private final double[] x;
    private final double[] y;
    private final double[] w;
    private final double[] h;
    private final boolean[] open;
    private final int[] depth;
    private final GraphEdge[] edges;
    private final double[][] routes;
    private final int[] edgeDepth;
    private final GridIndex nodeIndex;
    private final GridIndex edgeIndex;
    private final Map<GraphNode, Integer> indexOf;
    private final double width;
    private final double height;

    private GraphScene(Builder b) {
        int n = b.nodes.size();
        nodes = b.nodes.toArray(new GraphNode[0]);
        x = Arrays.copyOf(b.x, n);
        y = Arrays.copyOf(b.y, n);
        w = Arrays.copyOf(b.w, n);
        h = Arrays.copyOf(b.h, n);
        open = Arrays.copyOf(b.open, n);
        depth = Arrays.copyOf(b.depth, n);
        edges = b.edges.toArray(new GraphEdge[0]);
        routes = b.routes.toArray(new double[0][]);
        edgeDepth = b.edgeDepth.stream().mapToInt(Integer::intValue).toArray();
        double[] x1 = new double[n];
        double[] y1 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = x[i] + w[i];
            y1[i] = y[i] + h[i];
        }
        nodeIndex = new GridIndex(400, x, y, x1, y1);
        int m = routes.length;
        double[][] eb = new double[4][m];
        for (int i = 0; i < m; i++) {
            double[] r = routes[i];
            double a = Double.MAX_VALUE, c = Double.MAX_VALUE, bx = -Double.MAX_VALUE, d = -Double.MAX_VALUE;
            for (int k = 0; k + 1 < r.length; k += 2) {
                a = Math.min(a, r[k]);
                bx = Math.max(bx, r[k]);
                c = Math.min(c, r[k + 1]);
                d = Math.max(d, r[k + 1]);
            }
            if (r.length == 0) {
                a = c = bx = d = 0;
            }
            eb[0][i] = a;
            eb[1][i] = c;
            eb[2][i] = bx;
            eb[3][i] = d;
        }
        edgeIndex = new GridIndex(400, eb[0], eb[1], eb[2], eb[3]);
        indexOf = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            indexOf.put(nodes[i], i);
        }
        width = b.maxX;
        height = b.maxY;
    }

    /** One group's layout on its own with nothing open inside (benchmarks and layout comparisons). */
    public static GraphScene of(GroupLayout layout) {
        return build(layout, n -> false, Map.of(layout.group(), layout));
    }

    static GraphScene build(GroupLayout top, Predicate<GraphNode> expanded, Map<GraphGroup, GroupLayout> layouts) {
        Builder b = new Builder();
        b.add(top, 0, 0, 0, expanded, layouts);
        return new GraphScene(b);
    }

    public int nodeCount() {
        return nodes.length;
    }

    public int edgeCount() {
        return routes.length;
    }

    public GraphNode node(int i) {
        return nodes[i];
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double w(int i) {
        return w[i];
    }

    public double h(int i) {
        return h[i];
    }

    /** Whether node i is an open container (drawn as a frame around its inside). */
    public boolean isOpen(int i) {
        return open[i];
    }

    public int depth(int i) {
        return depth[i];
    }

    public GraphEdge edge(int i) {
        return edges[i];
    }

    public double[] route(int i) {
        return routes[i];
    }

    public int edgeDepth(int i) {
        return edgeDepth[i];
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public Optional<Integer> indexOf(GraphNode n) {
        return Optional.ofNullable(indexOf.get(n));
    }

    public void nodesIn(double x0, double y0, double x1, double y1, IntConsumer out) {
        nodeIndex.query(x0, y0, x1, y1, out);
    }

    public void edgesIn(double x0, double y0, double x1, double y1, IntConsumer out) {
        edgeIndex.query(x0, y0, x1, y1, out);
    }

    /** The innermost node under a point, if any. */
    public Optional<GraphNode> pick(double px, double py) {
        int[] best = {-1};
        nodeIndex.query(px, py, px, py, i -> {
            if (best[0] < 0 || depth[i] > depth[best[0]] || (depth[i] == depth[best[0]] && i > best[0])) {
                best[0] = i;
            }
        });
        return best[0] < 0 ? Optional.empty() : Optional.of(nodes[best[0]]);
    }

    private static final class Builder {
        final List<GraphNode> nodes = new ArrayList<>();
        double[] x = new double[64];
        double[] y = new double[64];
        double[] w = new double[64];
        double[] h = new double[64];
        boolean[] open = new boolean[64];
        int[] depth = new int[64];
        final List<GraphEdge> edges = new ArrayList<>();
        final List<double[]> routes = new ArrayList<>();
        final List<Integer> edgeDepth = new ArrayList<>();
        double maxX;
        double maxY;

        void add(GroupLayout gl, double ox, double oy, int d, Predicate<GraphNode> expanded,
                 Map<GraphGroup, GroupLayout> layouts) {
            List<GraphNode> groupNodes = layoutNodes(gl);
            for (int i = 0; i < groupNodes.size(); i++) {
                GraphNode n = groupNodes.get(i);
                int k = nodes.size();
                grow(k + 1);
                nodes.add(n);
                x[k] = ox + gl.x()[i];
                y[k] = oy + gl.y()[i];
                w[k] = gl.w()[i];
                h[k] = gl.h()[i];
                depth[k] = d;
                open[k] = n.isContainer() && expanded.test(n) && layouts.containsKey(n.content());
                maxX = Math.max(maxX, x[k] + w[k]);
                maxY = Math.max(maxY, y[k] + h[k]);
                if (open[k]) {
                    add(layouts.get(n.content()), x[k] + NodeSizes.PAD, y[k] + NodeSizes.HEADER, d + 1, expanded, layouts);
                }
            }
            // the layout's own extent: long edges may run beside the outermost nodes
            maxX = Math.max(maxX, ox + gl.width());
            maxY = Math.max(maxY, oy + gl.height());
            for (int e = 0; e < gl.routes().size(); e++) {
                double[] r = gl.routes().get(e).clone();
                for (int k = 0; k + 1 < r.length; k += 2) {
                    r[k] += ox;
                    r[k + 1] += oy;
                }
                edges.add(gl.edges().get(e));
                routes.add(r);
                edgeDepth.add(d);
            }
        }

        private static List<GraphNode> layoutNodes(GroupLayout gl) {
            return gl.group().nodes();
        }

        private void grow(int n) {
            if (n > x.length) {
                int c = Math.max(n, x.length * 2);
                x = Arrays.copyOf(x, c);
                y = Arrays.copyOf(y, c);
                w = Arrays.copyOf(w, c);
                h = Arrays.copyOf(h, c);
                open = Arrays.copyOf(open, c);
                depth = Arrays.copyOf(depth, c);
            }
        }
    }
}
