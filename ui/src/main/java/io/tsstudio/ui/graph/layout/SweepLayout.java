package io.tsstudio.ui.graph.layout;

import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphGroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A layered top-to-bottom layout for large groups, in near-linear time: longest-path layering (sources pulled down
 * next to their first user), dummy nodes along edges that span layers, barycentre ordering with a few down/up sweeps,
 * and x coordinates that pull each node towards its neighbours' average while keeping the layer's order and spacing
 * (a weighted isotonic fit per layer, so long edges and the main chain run straight). TorchScript graphs are mostly
 * chains with short skips, where this reads as well as ELK Layered at a small fraction of its time (ELK's crossing
 * minimisation and node placement dominate at 1,000 nodes; see docs/graph-view.md). Deterministic: the same graph
 * with the same sizes gives the same picture, and a node that grows only moves its layer's neighbours aside.
 */
final class SweepLayout {
    static final double PADDING = 8;
    static final double NODE_GAP = 18;
    static final double EDGE_GAP = 10;
    static final double EDGE_NODE_GAP = 16;
    static final double LAYER_GAP = 30;
    private static final int ORDER_SWEEPS = 4;
    private static final int PLACE_SWEEPS = 6;
    /** How hard a long edge pulls on its two ends (its inside pulls with 8, ordinary edges with 1). */
    private static final double DUMMY_END_WEIGHT = 0.25;

    private final int real;
    private final BooleanSupplier cancelled;
    // all nodes, real ones first, then dummies
    private double[] width;
    private int[] layer;
    private int count;
    // down[v] / up[v]: neighbours in the next / previous layer (after dummies, every edge spans one layer)
    private int[][] down;
    private int[][] up;
    private int[] downSize;
    private int[] upSize;
    private int[][] layers;
    private double[] pos;
    private double[] x;
    // scratch for one node's neighbours in fit()
    private double[] nx;
    private double[] nw;
    private boolean[] onSpine;
    private static final double SPINE_PIN = 1e6;

    private SweepLayout(int real, BooleanSupplier cancelled) {
        this.real = real;
        this.cancelled = cancelled;
    }

    static GroupLayout layout(GraphGroup group, double[] w, double[] h, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        int n = group.nodes().size();
        List<GraphEdge> drawn = new ArrayList<>();
        Set<Long> pairs = new HashSet<>();
        for (GraphEdge e : group.edges()) {
            int a = e.from().index(), b = e.to().index();
            if (a != b && pairs.add(((long) a << 32) | b)) {
                drawn.add(e);
            }
        }
        SweepLayout s = new SweepLayout(n, cancelled);
        int[] from = new int[drawn.size()];
        int[] to = new int[drawn.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = drawn.get(i).from().index();
            to[i] = drawn.get(i).to().index();
        }
        boolean[] reversed = s.assignLayers(from, to);
        int[][] chains = s.splitLongEdges(from, to, reversed, w);
        s.checkCancelled();
        s.order();
        s.checkCancelled();
        s.place();
        s.checkCancelled();
        return s.result(group, w, h, drawn, from, to, reversed, chains, t0);
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new LayoutCancelledException();
        }
    }

    /** Longest-path layers over a DFS order; edges against that order (cycles, which IR graphs lack) are reversed. */
    private boolean[] assignLayers(int[] from, int[] to) {
        int n = real;
        int[][] out = adjacency(n, from, to);
        int[] topo = reversePostOrder(n, out);
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[topo[i]] = i;
        }
        boolean[] reversed = new boolean[from.length];
        int[] fwdFrom = new int[from.length];
        int[] fwdTo = new int[from.length];
        for (int e = 0; e < from.length; e++) {
            reversed[e] = rank[from[e]] > rank[to[e]];
            fwdFrom[e] = reversed[e] ? to[e] : from[e];
            fwdTo[e] = reversed[e] ? from[e] : to[e];
        }
        int[][] succ = adjacency(n, fwdFrom, fwdTo);
        int[][] pred = adjacency(n, fwdTo, fwdFrom);
        layer = new int[n];
        for (int v : topo) {
            for (int p : pred[v]) {
                layer[v] = Math.max(layer[v], layer[p] + 1);
            }
        }
        // a source used only further down (a graph input, a captured value) sits just above its first user
        for (int i = n - 1; i >= 0; i--) {
            int v = topo[i];
            if (pred[v].length == 0 && succ[v].length > 0) {
                int first = Integer.MAX_VALUE;
                for (int s : succ[v]) {
                    first = Math.min(first, layer[s]);
                }
                layer[v] = first - 1;
            }
        }
        return reversed;
    }

    private static int[][] adjacency(int n, int[] from, int[] to) {
        int[] deg = new int[n];
        for (int a : from) {
            deg[a]++;
        }
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            adj[i] = new int[deg[i]];
        }
        Arrays.fill(deg, 0);
        for (int e = 0; e < from.length; e++) {
            adj[from[e]][deg[from[e]]++] = to[e];
        }
        return adj;
    }

    /** Iterative DFS from the nodes in index order (the IR's order); a topological order when there is no cycle. */
    private static int[] reversePostOrder(int n, int[][] out) {
        int[] post = new int[n];
        int k = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int s = 0; s < n; s++) {
            if (seen[s]) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            seen[s] = true;
            while (top > 0) {
                int v = stack[top - 1];
                if (next[v] < out[v].length) {
                    int u = out[v][next[v]++];
                    if (!seen[u]) {
                        seen[u] = true;
                        stack[top++] = u;
                    }
                } else {
                    post[k++] = v;
                    top--;
                }
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = post[n - 1 - i];
        }
        return order;
    }

    /**
     * Replaces each edge spanning several layers by a chain through one dummy per layer between, and builds the
     * layer-to-layer neighbour lists. Returns per edge the dummies it passes, top to bottom.
     */
    private int[][] splitLongEdges(int[] from, int[] to, boolean[] reversed, double[] w) {
        int dummies = 0;
        for (int e = 0; e < from.length; e++) {
            dummies += Math.max(0, Math.abs(layer[to[e]] - layer[from[e]]) - 1);
        }
        count = real + dummies;
        width = Arrays.copyOf(w, count);
        layer = Arrays.copyOf(layer, count);
        downSize = new int[count];
        upSize = new int[count];
        down = new int[count][];
        up = new int[count][];
        int[][] chains = new int[from.length][];
        int next = real;
        int[] linkFrom = new int[from.length + dummies];
        int[] linkTo = new int[from.length + dummies];
        int links = 0;
        for (int e = 0; e < from.length; e++) {
            int top = reversed[e] ? to[e] : from[e];
            int bottom = reversed[e] ? from[e] : to[e];
            int span = layer[bottom] - layer[top];
            chains[e] = new int[Math.max(0, span - 1)];
            int prev = top;
            for (int d = 0; d < chains[e].length; d++) {
                int v = next++;
                layer[v] = layer[top] + 1 + d;
                chains[e][d] = v;
                linkFrom[links] = prev;
                linkTo[links++] = v;
                prev = v;
            }
            linkFrom[links] = prev;
            linkTo[links++] = bottom;
        }
        for (int i = 0; i < links; i++) {
            downSize[linkFrom[i]]++;
            upSize[linkTo[i]]++;
        }
        for (int v = 0; v < count; v++) {
            down[v] = new int[downSize[v]];
            up[v] = new int[upSize[v]];
        }
        Arrays.fill(downSize, 0);
        Arrays.fill(upSize, 0);
        for (int i = 0; i < links; i++) {
            down[linkFrom[i]][downSize[linkFrom[i]]++] = linkTo[i];
            up[linkTo[i]][upSize[linkTo[i]]++] = linkFrom[i];
        }
        int minLayer = Integer.MAX_VALUE, maxLayer = 0;
        for (int v = 0; v < count; v++) {
            minLayer = Math.min(minLayer, layer[v]);
        }
        for (int v = 0; v < count; v++) {
            layer[v] -= minLayer;
            maxLayer = Math.max(maxLayer, layer[v]);
        }
        int[] size = new int[maxLayer + 1];
        for (int v = 0; v < count; v++) {
            size[layer[v]]++;
        }
        layers = new int[maxLayer + 1][];
        for (int l = 0; l <= maxLayer; l++) {
            layers[l] = new int[size[l]];
        }
        Arrays.fill(size, 0);
        // initial order: real nodes in IR order, each edge's dummies where the edge was listed
        for (int v = 0; v < count; v++) {
            layers[layer[v]][size[layer[v]]++] = v;
        }
        return chains;
    }

    /** Barycentre sweeps down and up; keeps the best order seen by crossing count. */
    private void order() {
        pos = new double[count];
        for (int[] l : layers) {
            for (int i = 0; i < l.length; i++) {
                pos[l[i]] = i;
            }
        }
        int[][] best = copy(layers);
        long bestCrossings = crossings();
        for (int sweep = 0; sweep < ORDER_SWEEPS; sweep++) {
            for (int l = 1; l < layers.length; l++) {
                sortByBarycentre(layers[l], up, upSize);
            }
            for (int l = layers.length - 2; l >= 0; l--) {
                sortByBarycentre(layers[l], down, downSize);
            }
            long c = crossings();
            if (c < bestCrossings) {
                bestCrossings = c;
                best = copy(layers);
            } else if (c == bestCrossings) {
                break;
            }
            checkCancelled();
        }
        layers = best;
        for (int[] l : layers) {
            for (int i = 0; i < l.length; i++) {
                pos[l[i]] = i;
            }
        }
    }

    private void sortByBarycentre(int[] l, int[][] adj, int[] size) {
        double[] key = new double[l.length];
        Integer[] idx = new Integer[l.length];
        for (int i = 0; i < l.length; i++) {
            int v = l[i];
            idx[i] = i;
            if (size[v] == 0) {
                key[i] = i; // no neighbours on that side: stays where it is
                continue;
            }
            double sum = 0;
            for (int u : adj[v]) {
                sum += pos[u];
            }
            key[i] = sum / size[v];
        }
        // ties keep the current order, so a chain's order is stable from sweep to sweep
        Arrays.sort(idx, (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(a, b));
        int[] sorted = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            sorted[i] = l[idx[i]];
        }
        for (int i = 0; i < l.length; i++) {
            l[i] = sorted[i];
            pos[sorted[i]] = i;
        }
    }

    /** Crossings between consecutive layers (counted by insertion, fine for the narrow layers of IR graphs). */
    private long crossings() {
        long total = 0;
        for (int l = 0; l + 1 < layers.length; l++) {
            List<int[]> segs = new ArrayList<>();
            for (int v : layers[l]) {
                for (int u : down[v]) {
                    segs.add(new int[]{(int) pos[v], (int) pos[u]});
                }
            }
            segs.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            // count inversions of the lower ends with a Fenwick tree
            long[] tree = new long[layers[l + 1].length + 1];
            long seen = 0;
            for (int[] s : segs) {
                long notGreater = 0;
                for (int i = s[1] + 1; i > 0; i -= i & -i) {
                    notGreater += tree[i];
                }
                total += seen - notGreater;
                for (int i = s[1] + 1; i < tree.length; i += i & -i) {
                    tree[i]++;
                }
                seen++;
            }
        }
        return total;
    }

    private static int[][] copy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private double gap(int a, int b) {
        boolean da = a >= real, db = b >= real;
        if (da && db) {
            return EDGE_GAP;
        }
        return da || db ? EDGE_NODE_GAP : NODE_GAP;
    }

    /**
     * Centre x per node: packed, then sweeps that move each layer towards its nodes' neighbours. The longest path is
     * pinned to one column (the priority method): pulling to neighbours alone lets a chain with a side branch on one
     * side (q, k, v into two matmuls) shift a little each block, a staircase across a 1,000-node section.
     */
    private void place() {
        int maxDegree = 0;
        for (int v = 0; v < count; v++) {
            maxDegree = Math.max(maxDegree, up[v].length + down[v].length);
        }
        nx = new double[maxDegree];
        nw = new double[maxDegree];
        markSpine();
        x = new double[count];
        for (int[] l : layers) {
            double left = 0;
            for (int i = 0; i < l.length; i++) {
                if (i > 0) {
                    left += gap(l[i - 1], l[i]);
                }
                x[l[i]] = left + width[l[i]] / 2;
                left += width[l[i]];
            }
        }
        for (int sweep = 0; sweep < PLACE_SWEEPS; sweep++) {
            boolean both = sweep >= 2;
            for (int l = 1; l < layers.length; l++) {
                fit(layers[l], both);
            }
            for (int l = layers.length - 2; l >= 0; l--) {
                fit(layers[l], both);
            }
            checkCancelled();
        }
    }

    /**
     * Moves one layer's nodes as close as the order and spacing allow to the weighted mean of their neighbours
     * (pool-adjacent-violators: the least-squares fit under "each node right of the previous one plus the gap").
     * Edges between dummies weigh most, so long edges run straight; see {@link #edgeWeight}.
     */
    private void fit(int[] l, boolean bothSides) {
        int n = l.length;
        double[] target = new double[n];
        double[] weight = new double[n];
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            int v = l[i];
            target[i] = x[v];
            weight[i] = 0.01;
            int k = 0;
            for (int u : up[v]) {
                nx[k] = x[u];
                nw[k++] = edgeWeight(u, v);
            }
            if (bothSides) {
                for (int u : down[v]) {
                    nx[k] = x[u];
                    nw[k++] = edgeWeight(u, v);
                }
            }
            if (k > 0) {
                target[i] = weightedMedian(k, x[v]);
                double wsum = 0;
                for (int j = 0; j < k; j++) {
                    wsum += nw[j];
                }
                weight[i] = wsum;
            }
            if (onSpine[v]) {
                target[i] = 0;
                weight[i] = SPINE_PIN;
            }
            if (i > 0) {
                offset[i] = offset[i - 1] + (width[l[i - 1]] + width[v]) / 2 + gap(l[i - 1], v);
            }
        }
        // fit y_i = x_i - offset_i, non-decreasing, to target_i - offset_i
        double[] blockValue = new double[n];
        double[] blockWeight = new double[n];
        int[] blockStart = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            blockValue[blocks] = target[i] - offset[i];
            blockWeight[blocks] = weight[i];
            blockStart[blocks] = i;
            blocks++;
            while (blocks > 1 && blockValue[blocks - 2] > blockValue[blocks - 1]) {
                double wsum = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockValue[blocks - 2] = (blockValue[blocks - 2] * blockWeight[blocks - 2]
                        + blockValue[blocks - 1] * blockWeight[blocks - 1]) / wsum;
                blockWeight[blocks - 2] = wsum;
                blocks--;
            }
        }
        for (int b = 0; b < blocks; b++) {
            int end = b + 1 < blocks ? blockStart[b + 1] : n;
            for (int i = blockStart[b]; i < end; i++) {
                x[l[i]] = blockValue[b] + offset[i];
            }
        }
    }

    /**
     * The weighted median of the first {@code k} neighbour positions: a node lines up with one neighbour (straight
     * edges, as in Brandes-Koepf) instead of sitting between them, which would shift a chain with a side branch a
     * little further each block. When two medians tie, the one nearer the node's current place wins (stability).
     */
    /**
     * The weighted median of the first {@code k} neighbour positions: a node lines up with one neighbour (straight
     * edges, as in Brandes-Koepf) instead of sitting between them, which would shift a chain with a side branch a
     * little further each block. When two medians tie, the one nearer the node's current place wins (stability).
     */
    private double weightedMean(int k) {
        double sum = 0, wsum = 0;
        for (int j = 0; j < k; j++) {
            sum += nw[j] * nx[j];
            wsum += nw[j];
        }
        return sum / wsum;
    }

    private double weightedMedian(int k, double current) {
        Integer[] idx = new Integer[k];
        double total = 0;
        for (int j = 0; j < k; j++) {
            idx[j] = j;
            total += nw[j];
        }
        Arrays.sort(idx, (a, b) -> Double.compare(nx[a], nx[b]));
        double acc = 0;
        for (int j = 0; j < k; j++) {
            acc += nw[idx[j]];
            if (acc > total / 2 + 1e-9) {
                return nx[idx[j]];
            }
            if (Math.abs(acc - total / 2) <= 1e-9 && j + 1 < k) {
                double lo = nx[idx[j]], hi = nx[idx[j + 1]];
                return Math.abs(lo - current) <= Math.abs(hi - current) ? lo : hi;
            }
        }
        return nx[idx[k - 1]];
    }

    /**
     * Marks a longest path of real nodes (the main chain: in a transformer block norm, q/k, matmul, softmax, matmul,
     * residual add), which {@link #fit} pins to one column, so side branches and skips settle around it.
     */
    private void markSpine() {
        onSpine = new boolean[count];
        int v = -1;
        for (int i = 0; i < real; i++) {
            if (v < 0 || layer[i] > layer[v]) {
                v = i;
            }
        }
        while (v >= 0) {
            int prev = -1;
            for (int u : up[v]) {
                if (u < real && layer[u] == layer[v] - 1) {
                    prev = u;
                    break;
                }
            }
            onSpine[v] = true;
            v = prev;
        }
    }

    private double edgeWeight(int a, int b) {
        boolean da = a >= real, db = b >= real;
        // long edges straight in between (8), but loosely tied to their ends (0.25): a skip that lands on the main
        // chain must not pull the chain sideways, or each block would shift it a bit further (a staircase)
        return da && db ? 8 : da || db ? DUMMY_END_WEIGHT : 1;
    }

    private GroupLayout result(GraphGroup group, double[] w, double[] h, List<GraphEdge> drawn, int[] from, int[] to,
                               boolean[] reversed, int[][] chains, long t0) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE;
        for (int v = 0; v < count; v++) {
            minX = Math.min(minX, x[v] - width[v] / 2);
            maxX = Math.max(maxX, x[v] + width[v] / 2);
        }
        double shift = PADDING - minX;
        double[] layerTop = new double[layers.length];
        double[] layerHeight = new double[layers.length];
        double top = PADDING;
        for (int l = 0; l < layers.length; l++) {
            for (int v : layers[l]) {
                if (v < real) {
                    layerHeight[l] = Math.max(layerHeight[l], h[v]);
                }
            }
            layerTop[l] = top;
            top += layerHeight[l] + LAYER_GAP;
        }
        double[] nx = new double[real];
        double[] ny = new double[real];
        for (int v = 0; v < real; v++) {
            nx[v] = x[v] + shift - w[v] / 2;
            ny[v] = layerTop[layer[v]] + (layerHeight[layer[v]] - h[v]) / 2;
        }
        List<double[]> routes = new ArrayList<>(drawn.size());
        for (int e = 0; e < drawn.size(); e++) {
            int a = reversed[e] ? to[e] : from[e];
            int b = reversed[e] ? from[e] : to[e];
            double[] pts = new double[4 + 4 * chains[e].length];
            int k = 0;
            pts[k++] = x[a] + shift;
            pts[k++] = ny[a] + h[a];
            for (int d : chains[e]) {
                // through the layer vertically, so the edge never cuts a node of that layer
                pts[k++] = x[d] + shift;
                pts[k++] = layerTop[layer[d]];
                pts[k++] = x[d] + shift;
                pts[k++] = layerTop[layer[d]] + layerHeight[layer[d]];
            }
            pts[k++] = x[b] + shift;
            pts[k] = ny[b];
            if (reversed[e]) {
                reverse(pts);
            }
            routes.add(pts);
        }
        double width = maxX - minX + 2 * PADDING;
        double height = top - LAYER_GAP + PADDING;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new GroupLayout(group, nx, ny, w.clone(), h.clone(), routes, drawn, width, height, ms, false);
    }

    /** Reverses a polyline's points (pairs), so a reversed edge still starts at its source. */
    private static void reverse(double[] pts) {
        for (int i = 0, j = pts.length - 2; i < j; i += 2, j -= 2) {
            double tx = pts[i], ty = pts[i + 1];
            pts[i] = pts[j];
            pts[i + 1] = pts[j + 1];
            pts[j] = tx;
            pts[j + 1] = ty;
        }
    }
}
