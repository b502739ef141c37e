package io.tsstudio.ui.graph.layout;

import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphOptions;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.SubgraphLoader;
import io.tsstudio.ui.graph.model.TestGraphs;
import io.tsstudio.ui.graph.model.TestIr;
import io.tsstudio.ui.graph.render.GraphSvg;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layered layout for large groups ({@link SweepLayout}). */
public class GraphSweepLayoutTest {

    /**
     * A transformer-like section: blocks of a norm, three parallel branches (q, k, v) meeting in two matmuls, and a
     * residual add that takes the block's input, so there are fan-outs, fan-ins and skips over many layers.
     */
    static GraphGroup blocks(int n) {
        TestIr b = TestIr.module("__torch__.Net");
        String x = b.input("x", "Tensor");
        for (int i = 0; i < n; i++) {
            String norm = b.op("aten::layer_norm", TestIr.RELU_SCHEMA, "Tensor", x);
            String q = b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", norm);
            String k = b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", norm));
            String v = b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", norm);
            String att = b.op("aten::matmul", TestIr.ADD_SCHEMA, "Tensor", q, k);
            String soft = b.op("aten::softmax", TestIr.RELU_SCHEMA, "Tensor", att);
            String out = b.op("aten::matmul", TestIr.ADD_SCHEMA, "Tensor", soft, v);
            x = b.op("aten::add", TestIr.ADD_SCHEMA, "Tensor", out, x);
        }
        b.output(x);
        GraphViewModel vm = new GraphViewModel(b.build(), SubgraphLoader.none(),
                GraphOptions.defaults().withSectionSize(100_000));
        return vm.root();
    }

    private static GroupLayout layout(GraphGroup g) {
        List<GraphNode> nodes = g.nodes();
        double[] w = new double[nodes.size()];
        double[] h = new double[nodes.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = NodeSizes.collapsedWidth(nodes.get(i));
            h[i] = NodeSizes.collapsedHeight(nodes.get(i));
        }
        return GraphSvg.onLayoutThread(() -> GroupLayouter.layout(g, w, h, () -> false));
    }

    @Test
    void largeGroupsGetTheSweepLayoutWithoutOverlapsAndWithEdgesPointingDown() {
        GraphGroup g = blocks(80);
        int n = g.nodes().size();
        assertEquals(2 + 80 * 9, n);
        assertTrue(n > GroupLayouter.SWEEP_ABOVE);
        GroupLayout l = layout(g);
        assertFalse(l.byElk(), "above the threshold: not ELK");
        for (int i = 0; i < n; i++) {
            assertTrue(l.x()[i] >= 0 && l.x()[i] + l.w()[i] <= l.width(), "inside the group's width: " + g.nodes().get(i));
            assertTrue(l.y()[i] >= 0 && l.y()[i] + l.h()[i] <= l.height(), "inside the group's height: " + g.nodes().get(i));
            for (int j = i + 1; j < n; j++) {
                boolean apart = l.x()[i] + l.w()[i] <= l.x()[j] || l.x()[j] + l.w()[j] <= l.x()[i]
                        || l.y()[i] + l.h()[i] <= l.y()[j] || l.y()[j] + l.h()[j] <= l.y()[i];
                assertTrue(apart, g.nodes().get(i) + " overlaps " + g.nodes().get(j));
            }
        }
        assertEquals(g.edges().size(), l.edges().size(), "no parallel edges in this graph: one route per edge");
        for (int e = 0; e < l.edges().size(); e++) {
            GraphEdge edge = l.edges().get(e);
            int a = edge.from().index(), b = edge.to().index();
            assertTrue(l.y()[a] + l.h()[a] < l.y()[b], "a later layer: " + edge.from() + " -> " + edge.to());
            double[] r = l.routes().get(e);
            assertEquals(l.y()[a] + l.h()[a], r[1], 1e-9, "starts at the bottom of its source");
            assertEquals(l.y()[b], r[r.length - 1], 1e-9, "ends at the top of its target");
            assertTrue(r[0] >= l.x()[a] && r[0] <= l.x()[a] + l.w()[a], "starts on its source");
            assertTrue(r[r.length - 2] >= l.x()[b] && r[r.length - 2] <= l.x()[b] + l.w()[b], "ends on its target");
            for (int k = 3; k < r.length; k += 2) {
                assertTrue(r[k] >= r[k - 2], "downward all along: " + edge.from() + " -> " + edge.to());
            }
            assertTrue(crossesNoNode(l, r, a, b), "a long edge passes beside the nodes: " + edge.from() + " -> " + edge.to());
        }
    }

    /** Vertical runs of a route (its passes through a layer) must not cut a node. */
    private static boolean crossesNoNode(GroupLayout l, double[] r, int a, int b) {
        for (int k = 2; k + 3 < r.length; k += 2) {
            if (r[k] != r[k + 2]) {
                continue;
            }
            double x = r[k], y0 = r[k + 1], y1 = r[k + 3];
            for (int i = 0; i < l.x().length; i++) {
                if (i != a && i != b && x > l.x()[i] && x < l.x()[i] + l.w()[i] && y1 > l.y()[i] && y0 < l.y()[i] + l.h()[i]) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void theMainChainStaysInOneColumnAndTheLayoutIsDeterministic() {
        GraphGroup g = blocks(70);
        GroupLayout first = layout(g);
        GroupLayout again = layout(g);
        assertArrayEquals(first.x(), again.x());
        assertArrayEquals(first.y(), again.y());
        // the residual adds (one per block) line up: the picture reads as one column, not a staircase
        double minCentre = Double.MAX_VALUE, maxCentre = -Double.MAX_VALUE;
        for (GraphNode node : g.nodes()) {
            if (node.title().equals("add")) {
                double c = first.x()[node.index()] + first.w()[node.index()] / 2;
                minCentre = Math.min(minCentre, c);
                maxCentre = Math.max(maxCentre, c);
            }
        }
        assertTrue(maxCentre - minCentre < 200, "residual adds within 200 px: " + minCentre + ".." + maxCentre);
        assertTrue(first.width() < 1000, "narrow: " + first.width());
    }

    @Test
    void aNodeThatGrowsKeepsEveryNodesLayerAndOrder() {
        GraphGroup g = blocks(60);
        List<GraphNode> nodes = g.nodes();
        double[] w = new double[nodes.size()];
        double[] h = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = NodeSizes.collapsedWidth(nodes.get(i));
            h[i] = NodeSizes.collapsedHeight(nodes.get(i));
        }
        GroupLayout before = GraphSvg.onLayoutThread(() -> GroupLayouter.layout(g, w, h, () -> false));
        int grown = 100;
        w[grown] = 900;
        h[grown] = 600;
        GroupLayout after = GraphSvg.onLayoutThread(() -> GroupLayouter.layout(g, w, h, () -> false));
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                // nodes are centred in their layer: the centre line says which layer
                double bi = before.y()[i] + before.h()[i] / 2, bj = before.y()[j] + before.h()[j] / 2;
                double ai = after.y()[i] + after.h()[i] / 2, aj = after.y()[j] + after.h()[j] / 2;
                assertEquals(Double.compare(bi, bj), Double.compare(ai, aj), "layers kept: " + nodes.get(i) + ", " + nodes.get(j));
                if (bi == bj) {
                    assertEquals(before.x()[i] < before.x()[j], after.x()[i] < after.x()[j],
                            "order in the layer kept: " + nodes.get(i) + ", " + nodes.get(j));
                }
            }
        }
    }

    @Test
    void aCycleIsDrawnWithOneEdgeGoingBackAndLonelyNodesFindAPlace() {
        // IR groups are acyclic; the layout still must not fail or overlap should a cycle or a lone node appear
        List<GraphNode> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nodes.add(TestGraphs.operator("n" + i, "op" + i));
        }
        int[][] links = {{0, 1}, {1, 2}, {2, 0}, {2, 3}};
        List<GraphEdge> edges = new java.util.ArrayList<>();
        for (int[] l : links) {
            edges.add(new GraphEdge(nodes.get(l[0]), 0, nodes.get(l[1]), 0, "v" + l[0], "Tensor"));
        }
        GraphGroup g = TestGraphs.group("/cycle", nodes, edges);
        double[] w = {80, 80, 80, 80, 80};
        double[] h = {38, 38, 38, 38, 38};
        GroupLayout l = SweepLayout.layout(g, w, h, () -> false);
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                boolean apart = l.x()[i] + w[i] <= l.x()[j] || l.x()[j] + w[j] <= l.x()[i]
                        || l.y()[i] + h[i] <= l.y()[j] || l.y()[j] + h[j] <= l.y()[i];
                assertTrue(apart, i + " overlaps " + j);
            }
        }
        int upward = 0;
        for (int e = 0; e < l.edges().size(); e++) {
            int a = l.edges().get(e).from().index(), b = l.edges().get(e).to().index();
            double[] r = l.routes().get(e);
            assertTrue(r[1] == l.y()[a] || r[1] == l.y()[a] + h[a], "starts on its source's border");
            assertTrue(r[r.length - 1] == l.y()[b] || r[r.length - 1] == l.y()[b] + h[b], "ends on its target's border");
            if (r[r.length - 1] < r[1]) {
                upward++;
            }
        }
        assertEquals(1, upward, "exactly one edge of the cycle goes back up");
    }

    @Test
    void cancelStopsIt() {
        GraphGroup g = blocks(70);
        double[] w = new double[g.nodes().size()];
        double[] h = new double[w.length];
        java.util.Arrays.fill(w, 80);
        java.util.Arrays.fill(h, 38);
        assertThrows(LayoutCancelledException.class, () -> SweepLayout.layout(g, w, h, () -> true));
    }
}
