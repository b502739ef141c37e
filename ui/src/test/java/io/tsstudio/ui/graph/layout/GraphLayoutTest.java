package io.tsstudio.ui.graph.layout;

import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphOptions;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.model.NodeKind;
import io.tsstudio.ui.graph.model.SubgraphLoader;
import io.tsstudio.ui.graph.model.TestIr;
import io.tsstudio.ui.graph.render.GraphStyle;
import io.tsstudio.ui.graph.render.GraphSvg;
import io.tsstudio.ui.graph.render.ScenePainter;
import io.tsstudio.ui.graph.render.SvgPainter;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class GraphLayoutTest {
    private static final String NET = "__torch__.Net";
    private static final String BLOCK = "__torch__.Block";

    /** x -> blocks.0 .. blocks.(n-1) -> out, each block: fc then relu plus a residual add. */
    public static IrGraph stack(int n) {
        TestIr b = TestIr.module(NET);
        String x = b.input("x", "Tensor");
        for (int i = 0; i < n; i++) {
            x = b.call("blocks." + i, BLOCK, "forward", "Tensor", x);
        }
        b.output(x);
        return b.build();
    }

    public static final SubgraphLoader LOADER = (path, method) -> {
        if (path.endsWith(".fc")) {
            return TestIr.linearForward();
        }
        TestIr b = TestIr.module(BLOCK);
        String x = b.input("x", "Tensor");
        String y = b.call("fc", TestIr.LINEAR_CLS, "forward", "Float(2, 3, strides=[3, 1], requires_grad=0, device=cpu)", x);
        String r = b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", y);
        b.output(b.op("aten::add", TestIr.ADD_SCHEMA, "Tensor", r, x, b.constant(1L, "int")));
        return b.build();
    };

    private static GraphScene layout(GraphLayoutEngine engine, GraphViewModel vm) {
        return GraphSvg.onLayoutThread(() -> engine.layout(vm.root(), vm::isExpanded));
    }

    @Test
    void nodesDoNotOverlapAndOpenGroupsHoldTheirInside() {
        GraphViewModel vm = new GraphViewModel(stack(4), LOADER);
        GraphLayoutEngine engine = new GraphLayoutEngine();
        GraphNode b1 = vm.root().nodes().get(2);
        vm.expand(b1);
        GraphScene scene = layout(engine, vm);
        assertEquals(6 + 5, scene.nodeCount());
        int open = scene.indexOf(b1).orElseThrow();
        assertTrue(scene.isOpen(open));
        for (GraphNode inner : b1.content().nodes()) {
            int i = scene.indexOf(inner).orElseThrow();
            assertTrue(scene.x(i) >= scene.x(open) && scene.x(i) + scene.w(i) <= scene.x(open) + scene.w(open), inner.title());
            assertTrue(scene.y(i) >= scene.y(open) && scene.y(i) + scene.h(i) <= scene.y(open) + scene.h(open), inner.title());
            assertEquals(1, scene.depth(i));
        }
        for (int i = 0; i < scene.nodeCount(); i++) {
            for (int j = i + 1; j < scene.nodeCount(); j++) {
                if (scene.depth(i) == scene.depth(j)) {
                    boolean apart = scene.x(i) + scene.w(i) <= scene.x(j) || scene.x(j) + scene.w(j) <= scene.x(i)
                            || scene.y(i) + scene.h(i) <= scene.y(j) || scene.y(j) + scene.h(j) <= scene.y(i);
                    assertTrue(apart, scene.node(i) + " overlaps " + scene.node(j));
                }
            }
        }
        assertEquals(5 + 5, scene.edgeCount(), "5 top-level edges, 5 inside (x twice to add is one route)");
    }

    @Test
    void openingAGroupReusesCachedLayoutsAndKeepsTheOrder() {
        GraphViewModel vm = new GraphViewModel(stack(6), LOADER);
        GraphLayoutEngine engine = new GraphLayoutEngine();
        GraphScene before = layout(engine, vm);
        assertEquals(1, engine.lastGroupsLaidOut());
        GraphNode b3 = vm.root().nodes().get(4);
        vm.expand(b3);
        GraphScene after = layout(engine, vm);
        assertEquals(2, engine.lastGroupsLaidOut(), "the opened group and its parent only");
        assertEquals(order(before, vm.root()), order(after, vm.root()), "top-level order is stable");
        layout(engine, vm);
        assertEquals(0, engine.lastGroupsLaidOut(), "nothing changed: all from cache");
        vm.collapse(b3);
        layout(engine, vm);
        assertEquals(0, engine.lastGroupsLaidOut(), "closing brings back the cached top level");
        vm.expand(b3);
        layout(engine, vm);
        assertEquals(0, engine.lastGroupsLaidOut(), "reopening is cached too");
    }

    private static List<String> order(GraphScene s, GraphGroup g) {
        List<GraphNode> nodes = new ArrayList<>(g.nodes());
        nodes.sort(Comparator.comparingDouble((GraphNode n) -> s.y(s.indexOf(n).orElseThrow()))
                .thenComparingDouble(n -> s.x(s.indexOf(n).orElseThrow())));
        return nodes.stream().map(GraphNode::id).toList();
    }

    @Test
    void pickingFindsTheInnermostNodeAndCullingOnlyTheVisibleOnes() {
        GraphViewModel vm = new GraphViewModel(stack(3), LOADER);
        GraphNode b0 = vm.root().nodes().get(1);
        vm.expand(b0);
        GraphNode fc = b0.content().nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).findFirst().orElseThrow();
        GraphScene s = layout(new GraphLayoutEngine(), vm);
        int i = s.indexOf(fc).orElseThrow();
        assertSame(fc, s.pick(s.x(i) + 5, s.y(i) + 5).orElseThrow());
        int o = s.indexOf(b0).orElseThrow();
        assertSame(b0, s.pick(s.x(o) + 2, s.y(o) + 2).orElseThrow(), "the frame's header picks the open group");
        assertTrue(s.pick(-50, -50).isEmpty());
        AtomicInteger seen = new AtomicInteger();
        s.nodesIn(s.x(i), s.y(i), s.x(i) + 1, s.y(i) + 1, k -> seen.incrementAndGet());
        assertEquals(2, seen.get(), "the node and the frame around it");
    }

    @Test
    void largeChainsLayOutOnTheLayoutThreadAndCancelStopsThem() {
        TestIr b = TestIr.module(NET);
        String x = b.input("x", "Tensor");
        String skip = x;
        for (int i = 0; i < 3000; i++) {
            x = i % 3 == 2 ? b.op("aten::add", TestIr.ADD_SCHEMA, "Tensor", x, skip) : b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", x);
            if (i % 3 == 2) {
                skip = x;
            }
        }
        b.output(x);
        GraphViewModel vm = new GraphViewModel(b.build(), SubgraphLoader.none(),
                GraphOptions.defaults().withSectionSize(5000));
        GraphLayoutEngine engine = new GraphLayoutEngine();
        GraphScene s = layout(engine, vm);
        assertEquals(3002, s.nodeCount());
        boolean bends = false;
        for (int e = 0; e < s.edgeCount(); e++) {
            bends |= s.route(e).length > 4;
        }
        assertTrue(bends, "residual edges: a layered layout routes skips around nodes, not the chain shortcut");
        AtomicBoolean cancel = new AtomicBoolean(true);
        assertThrows(LayoutCancelledException.class, () -> GraphSvg.onLayoutThread(
                () -> new GraphLayoutEngine().layout(vm.root(), vm::isExpanded, LayoutProgress.none(), cancel::get)));
    }

    @Test
    void simpleChainsAreStackedWithoutElk() {
        GraphViewModel vm = new GraphViewModel(stack(50), LOADER);
        GraphLayoutEngine engine = new GraphLayoutEngine();
        GraphScene s = layout(engine, vm);
        assertEquals(0, engine.lastElkMillis());
        assertEquals(52, s.nodeCount());
        double centre = s.x(0) + s.w(0) / 2;
        for (int i = 1; i < s.nodeCount(); i++) {
            assertEquals(centre, s.x(i) + s.w(i) / 2, 1e-9, "centred");
            assertTrue(s.y(i) >= s.y(i - 1) + s.h(i - 1) + 20, "stacked in chain order");
        }
        assertEquals(51, s.edgeCount());
        vm.expand(vm.root().nodes().get(3));
        layout(engine, vm);
        assertEquals(2, engine.lastGroupsLaidOut(), "the opened block (residual: ELK) and the top level");
    }

    @Test
    void svgAndPngShowTheSamePicture() {
        GraphViewModel vm = new GraphViewModel(stack(2), LOADER);
        vm.expand(vm.root().nodes().get(1));
        GraphScene s = layout(new GraphLayoutEngine(), vm);
        String svg = GraphSvg.toSvg(s, Highlights.NONE);
        assertTrue(svg.startsWith("<svg"), svg);
        assertTrue(svg.contains(">\u25B8 blocks.1: Block</text>"), svg);
        assertTrue(svg.contains(">\u25BE blocks.0: Block</text>"), svg);
        assertTrue(svg.contains(">Float(2, 3)</text>"), "brief type under fc: " + svg);
        for (int k = 0; k < s.nodeCount(); k++) {
            assertTrue(svg.contains(s.node(k).title() + "</text>"), "every node is labelled: " + s.node(k));
        }
        BufferedImage img = GraphSvg.toImage(s, 1.0, Highlights.NONE);
        assertTrue(img.getWidth() >= s.width() && img.getHeight() >= s.height());
        int i = s.indexOf(vm.root().nodes().get(2)).orElseThrow();
        int px = img.getRGB((int) (s.x(i) + s.w(i) / 2), (int) (s.y(i) + 2));
        assertNotSame(GraphStyle.BACKGROUND, px);
        assertEquals(GraphStyle.fill(vm.root().nodes().get(2)) & 0xFFFFFF, px & 0xFFFFFF, "the closed group's fill");
    }

    private static int count(String s, String part) {
        int c = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            c++;
        }
        return c;
    }

    @Test
    void observedShapesReplaceTypesOnEdgeLabels() {
        GraphViewModel vm = new GraphViewModel(stack(2), LOADER);
        GraphScene s = layout(new GraphLayoutEngine(), vm);
        GraphEdge first = s.edge(0);
        StringBuilder plain = new StringBuilder();
        new ScenePainter().paint(s, new SvgPainter(plain), 0, 0, s.width(), s.height(), 1.0, Highlights.NONE);
        assertTrue(plain.toString().contains(">Tensor</text>"));
        ScenePainter painter = new ScenePainter();
        painter.setShapes((group, value) -> group.equals(vm.root().path()) && value.equals(first.valueId())
                ? java.util.Optional.of("[8, 16]") : java.util.Optional.empty());
        StringBuilder shaped = new StringBuilder();
        painter.paint(s, new SvgPainter(shaped), 0, 0, s.width(), s.height(), 1.0, Highlights.NONE);
        assertTrue(shaped.toString().contains(">[8, 16]</text>"), shaped.toString());
    }

    @Test
    void renderForTheCliOpensGroupsToTheAskedDepth() {
        String top = GraphSvg.render(stack(2), LOADER, GraphOptions.defaults(), 0);
        String deep = GraphSvg.render(stack(2), LOADER, GraphOptions.defaults(), 2);
        assertTrue(!top.contains(">linear</text>") && deep.contains(">linear</text>"));
        String flat = GraphSvg.render(stack(2), LOADER, GraphOptions.defaults().withFlat(true), 0);
        assertEquals(2, count(flat, ">linear</text>"));
        assertEquals(2, count(flat, ">relu</text>"));
    }
}
