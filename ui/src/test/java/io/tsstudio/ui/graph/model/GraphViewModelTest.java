package io.tsstudio.ui.graph.model;

import io.tsstudio.engine.ir.IrBlock;
import io.tsstudio.engine.ir.IrGraph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphViewModelTest {
    private static final String NET = "__torch__.Net";
    private static final String BLOCK = "__torch__.Block";

    /** Net.forward: relu(fc1(x)) + 1 then fc2, lines 3..6. */
    private static IrGraph net() {
        TestIr b = TestIr.module(NET);
        String x = b.input("x", "Tensor");
        b.at(3);
        String h = b.call("fc1", TestIr.LINEAR_CLS, "forward", "Tensor", x);
        b.at(4);
        String r = b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", h);
        b.at(5);
        String one = b.constant(1L, "int");
        String s = b.op("aten::add", TestIr.ADD_SCHEMA, "Tensor", r, r, one);
        b.at(6);
        b.output(b.call("fc2", TestIr.LINEAR_CLS, "forward", "Tensor", s));
        return b.build();
    }

    private static final class CountingLoader implements SubgraphLoader {
        final List<String> calls = new ArrayList<>();

        @Override
        public IrGraph load(String path, String method) {
            calls.add(path + "." + method);
            if (path.endsWith("fc") || path.endsWith("fc1") || path.endsWith("fc2")) {
                return TestIr.linearForward();
            }
            if (path.startsWith("blocks.")) {
                TestIr b = TestIr.module(BLOCK);
                String x = b.input("x", "Tensor");
                String y = b.call("fc", TestIr.LINEAR_CLS, "forward", "Tensor", x);
                b.output(b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", y));
                return b.build();
            }
            throw new IllegalArgumentException("no submodule " + path);
        }
    }

    private static GraphNode byTitle(GraphGroup g, String title) {
        return g.nodes().stream().filter(n -> n.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no node '" + title + "' in " + titles(g)));
    }

    private static List<String> titles(GraphGroup g) {
        return g.nodes().stream().map(GraphNode::title).toList();
    }

    @Test
    void submoduleCallsAreCollapsedGroupsAndConstantsFold() {
        GraphViewModel vm = new GraphViewModel(net(), new CountingLoader());
        assertEquals(List.of("input x", "fc1: Linear", "relu", "add", "fc2: Linear", "output"), titles(vm.root()));
        GraphNode add = byTitle(vm.root(), "add");
        assertEquals(List.of("self", "other", "alpha"), add.inputs().stream().map(Port::name).toList());
        assertEquals("1", add.inputs().get(2).folded());
        // x -> fc1 -> relu -> add (twice) -> fc2 -> output
        assertEquals(6, vm.root().edges().size());
        GraphNode fc1 = byTitle(vm.root(), "fc1: Linear");
        assertEquals(NodeKind.MODULE, fc1.kind());
        assertEquals(1, fc1.inputs().size(), "the module reference is not an input port");
        assertFalse(vm.isExpanded(fc1));
    }

    @Test
    void foldingOffShowsConstantsAndAttributeReads() {
        GraphViewModel vm = new GraphViewModel(net(), new CountingLoader());
        vm.setFoldConstants(false);
        GraphNode one = byTitle(vm.root(), "1");
        assertEquals(NodeKind.CONSTANT, one.kind());
        GraphNode add = byTitle(vm.root(), "add");
        assertTrue(vm.root().edges().stream().anyMatch(e -> e.from() == one && e.to() == add && e.toPort() == 2));
        GraphNode fc1 = byTitle(vm.root(), "fc1: Linear");
        vm.expand(fc1);
        List<String> inside = titles(fc1.content());
        assertEquals(2, inside.stream().filter(t -> t.equals("GetAttr")).count(), inside.toString());
        vm.setFoldConstants(true);
        GraphNode fc1Again = byTitle(vm.root(), "fc1: Linear");
        assertTrue(vm.isExpanded(fc1Again), "open groups stay open across a fold toggle");
        GraphNode linear = byTitle(fc1Again.content(), "linear");
        assertEquals("self.weight", linear.inputs().get(1).folded());
    }

    @Test
    void expandingLoadsTheSubmoduleOncePerClass() {
        CountingLoader loader = new CountingLoader();
        GraphViewModel vm = new GraphViewModel(net(), loader);
        assertEquals(List.of(), loader.calls, "nothing loads before a group opens");
        GraphNode fc1 = byTitle(vm.root(), "fc1: Linear");
        vm.expand(fc1);
        assertTrue(vm.isExpanded(fc1));
        assertEquals(List.of("fc1.forward"), loader.calls);
        assertEquals(List.of("input input", "linear", "output"), titles(fc1.content()));
        vm.expand(byTitle(vm.root(), "fc2: Linear"));
        assertEquals(1, loader.calls.size(), "fc2 has the same class: its graph is reused");
        assertEquals(6 + 3 + 3, vm.visibleNodeCount());
        vm.collapse(fc1);
        assertFalse(vm.isExpanded(fc1));
        vm.collapseAll();
        assertEquals(6, vm.visibleNodeCount());
    }

    @Test
    void nestedGroupsUseFullPathsAndExpandAllOpensEverything() {
        TestIr b = TestIr.module(NET);
        String x = b.input("x", "Tensor");
        for (int i = 0; i < 3; i++) {
            x = b.call("blocks." + i, BLOCK, "forward", "Tensor", x);
        }
        b.output(x);
        CountingLoader loader = new CountingLoader();
        GraphViewModel vm = new GraphViewModel(b.build(), loader);
        assertEquals("blocks.1: Block", vm.root().nodes().get(2).title());
        vm.expandAll();
        assertEquals(List.of("blocks.0.forward", "blocks.0.fc.forward"), loader.calls);
        // root 5 + 3 blocks x (in, fc, relu, out) + 3 fc x (in, linear, out)
        assertEquals(5 + 12 + 9, vm.visibleNodeCount());
        GraphNode innerFc = byTitle(vm.root().nodes().get(3).content(), "fc: Linear");
        assertEquals("blocks.2.fc#forward", innerFc.content().path());
        assertEquals(2, innerFc.content().depth());
        vm.collapseAll();
        assertEquals(5, vm.visibleNodeCount());
    }

    @Test
    void searchFindsNodesInsideClosedGroupsAndRevealsThem() {
        GraphViewModel vm = new GraphViewModel(net(), new CountingLoader());
        SearchResults r = vm.search("aten::lin");
        assertEquals(2, r.size());
        GraphNode first = vm.searchNext().orElseThrow();
        assertEquals("linear", first.title());
        assertTrue(vm.isVisible(first), "next opens the group that holds the hit");
        assertEquals(first, vm.selected().orElseThrow());
        GraphNode second = vm.searchNext().orElseThrow();
        assertTrue(second != first);
        assertEquals(first, vm.searchNext().orElseThrow(), "wraps around");
        assertEquals(second, vm.searchPrevious().orElseThrow());
        assertEquals(2, vm.search("Tensor\\? bias").size(), "schema text is searched");
        assertEquals(1, vm.search("^relu$").size());
        assertEquals(2, vm.search("self\\.(weight|bias)").size(), "folded attribute reads are searched");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vm.search("(unclosed"));
        assertTrue(e.getMessage().contains("(unclosed"), e.getMessage());
    }

    @Test
    void ancestorsAndDescendantsFollowEdgesAcrossGroupBorders() {
        GraphViewModel vm = new GraphViewModel(net(), new CountingLoader());
        GraphNode relu = byTitle(vm.root(), "relu");
        assertEquals(Set.of("fc1: Linear", "input x"), titlesOf(vm.ancestors(relu)));
        assertEquals(Set.of("add", "fc2: Linear", "output"), titlesOf(vm.descendants(relu)));
        GraphNode fc2 = byTitle(vm.root(), "fc2: Linear");
        vm.expand(fc2);
        GraphNode linear = byTitle(fc2.content(), "linear");
        Set<String> up = titlesOf(vm.ancestors(linear));
        assertTrue(up.containsAll(Set.of("input input", "fc2: Linear", "add", "relu", "fc1: Linear", "input x")), up.toString());
        assertEquals(Set.of("output"), titlesOf(vm.descendants(linear)).stream().filter(t -> t.equals("output"))
                .collect(Collectors.toSet()));
        assertTrue(vm.descendants(linear).stream().anyMatch(n -> n.group() == vm.root()),
                "leaving fc2 through its output reaches the top-level output");
        vm.select(relu);
        vm.traceSelected();
        assertEquals(5, vm.traced().size());
    }

    private static Set<String> titlesOf(Set<GraphNode> nodes) {
        return nodes.stream().map(GraphNode::title).collect(Collectors.toSet());
    }

    @Test
    void largeGroupsSplitIntoSectionsConnectedByTheirValues() {
        TestIr b = TestIr.module(NET);
        String x = b.input("x", "Tensor");
        String first = x;
        for (int i = 0; i < 2500; i++) {
            x = b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", x);
            if (i == 10) {
                first = x;
            }
        }
        x = b.op("aten::add", TestIr.ADD_SCHEMA, "Tensor", x, first, b.constant(1L, "int"));
        b.output(x);
        GraphViewModel vm = new GraphViewModel(b.build(), SubgraphLoader.none());
        List<GraphNode> sections = vm.root().nodes().stream().filter(n -> n.kind() == NodeKind.SECTION).toList();
        assertEquals(3, sections.size());
        assertEquals("section 1 of 3 (834 nodes)", sections.get(0).title());
        int total = sections.stream().mapToInt(s -> (int) s.content().nodes().stream()
                .filter(n -> n.kind() == NodeKind.OPERATOR).count()).sum();
        assertEquals(2501, total);
        // section 1 feeds section 2 (the chain) and section 3 (the skip from node 10)
        assertEquals(2, vm.root().edges().stream().filter(e -> e.from() == sections.get(0)).count());
        assertEquals(1, vm.root().edges().stream().filter(e -> e.from() == sections.get(2)).count());
        GraphGroup inside = sections.get(2).content();
        assertEquals(2, inside.nodes().stream().filter(n -> n.kind() == NodeKind.INPUT).count());
        assertTrue(inside.nodes().stream().allMatch(n -> n.group() == inside));
        assertEquals(inside, sections.get(2).content());
        vm.expand(sections.get(1));
        assertEquals(5 + 834 + 2, vm.visibleNodeCount());
    }

    @Test
    void ifBlocksAreContainersWithOpenBranches() {
        TestIr b = TestIr.module(NET);
        String x = b.input("x", "Tensor");
        String c = b.input("flag", "bool");
        b.beginBlock();
        String t = b.op("aten::relu", TestIr.RELU_SCHEMA, "Tensor", x);
        IrBlock then = b.endBlock(List.of(), t);
        b.beginBlock();
        String e = b.op("aten::neg", "aten::neg(Tensor self) -> Tensor", "Tensor", x);
        IrBlock otherwise = b.endBlock(List.of(), e);
        String out = b.node("prim::If", null, Map.of(), null, List.of(then, otherwise), List.of("Tensor"), c).get(0);
        b.output(out);
        GraphViewModel vm = new GraphViewModel(b.build(), SubgraphLoader.none());
        GraphNode iff = byTitle(vm.root(), "If");
        assertEquals(NodeKind.CONTROL, iff.kind());
        vm.expand(iff);
        GraphNode thenBranch = byTitle(iff.content(), "then");
        assertTrue(vm.isExpanded(thenBranch));
        assertEquals(List.of("from x", "relu", "return"), titles(thenBranch.content()));
        assertEquals(2, thenBranch.content().edges().size());
        GraphNode neg = byTitle(byTitle(iff.content(), "else").content(), "neg");
        assertTrue(vm.ancestors(neg).contains(byTitle(vm.root(), "input x")), "captured x leads out of the If");
    }

    @Test
    void flatViewInlinesEveryCall() {
        GraphViewModel vm = new GraphViewModel(net(), new CountingLoader());
        vm.setFlat(true);
        assertEquals(List.of("input x", "linear", "relu", "add", "linear", "output"), titles(vm.root()));
        assertTrue(vm.root().nodes().stream().noneMatch(GraphNode::isContainer));
        GraphNode l2 = vm.root().nodes().get(4);
        assertEquals("self.fc2.weight", l2.inputs().get(1).folded());
        GraphNode add = byTitle(vm.root(), "add");
        assertTrue(vm.root().edges().stream().anyMatch(e -> e.from() == add && e.to() == l2));
        assertTrue(vm.root().edges().stream().anyMatch(e -> e.from() == vm.root().nodes().get(0)
                && e.to() == vm.root().nodes().get(1)));
        assertEquals(6, vm.root().edges().size());
    }

    @Test
    void sourceLinesMapToNodesAndBack() {
        GraphViewModel vm = new GraphViewModel(net(), new CountingLoader());
        GraphNode relu = byTitle(vm.root(), "relu");
        assertEquals(4, vm.sourceRange(relu).orElseThrow().startLine());
        assertEquals(List.of(relu), vm.nodesAtLine(4));
        GraphNode fc1 = byTitle(vm.root(), "fc1: Linear");
        assertEquals(List.of(fc1), vm.nodesAtLine(3));
        vm.expand(fc1);
        vm.collapse(fc1);
        // line 10 is inside Linear.forward: built now, shown through its closed container
        assertEquals(Set.of(fc1), vm.highlightSourceLine(10));
        assertEquals(List.of(), vm.nodesAtLine(99));
    }

    @Test
    void aSubmoduleThatCannotLoadShowsAnErrorNode() {
        TestIr b = TestIr.module(NET);
        String x = b.input("x", "Tensor");
        b.output(b.call("missing", "__torch__.Gone", "forward", "Tensor", x));
        GraphViewModel vm = new GraphViewModel(b.build(), new CountingLoader());
        GraphNode m = vm.root().nodes().get(1);
        vm.expand(m);
        GraphNode err = m.content().nodes().get(0);
        assertEquals(NodeKind.ERROR, err.kind());
        assertTrue(err.title().contains("no submodule missing"), err.title());
    }

    @Test
    void detailsNameKindSchemaPortsAndSource() {
        GraphViewModel vm = new GraphViewModel(net(), new CountingLoader());
        GraphNode add = byTitle(vm.root(), "add");
        String text = NodeDetails.describe(add, (g, v) -> java.util.Optional.of("[2, 3]"));
        assertTrue(text.contains("kind: aten::add"), text);
        assertTrue(text.contains("schema: " + TestIr.ADD_SCHEMA), text);
        assertTrue(text.contains("alpha: int  observed [2, 3] = 1"), text);
        assertTrue(text.contains("source: <string>:5:5-5:30"), text);
    }
}
