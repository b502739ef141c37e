package io.tsstudio.ui.graph.model;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.ui.graph.render.GraphSvg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view model on real PyTorch-made modules loaded through LibTorch. */
class ModuleGraphsTest {
    static String[] fixtures() {
        return GraphFixtures.PYTORCH;
    }

    private static boolean moduleRead(IrGraph g, IrNode n) {
        return n.kind().equals("prim::GetAttr") && TypeText.isModuleType(g.value(n.outputs().get(0)).type());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyIrNodeIsDrawnWhenFoldingIsOff(String fixture) {
        try (ScriptModule m = Jit.load(GraphFixtures.pytorch(fixture))) {
            IrGraph g = ModuleGraphs.graph(m, "forward");
            GraphViewModel vm = new GraphViewModel(g, ModuleGraphs.loader(m), GraphOptions.defaults().withFoldConstants(false));
            Set<String> drawn = vm.root().nodes().stream().flatMap(n -> n.ir().stream()).map(IrNode::id).collect(Collectors.toSet());
            Set<String> expected = g.nodes().stream().filter(n -> !moduleRead(g, n)).map(IrNode::id).collect(Collectors.toSet());
            assertEquals(expected, drawn);
            long inputs = vm.root().nodes().stream().filter(n -> n.kind() == NodeKind.INPUT).count();
            long outputs = vm.root().nodes().stream().filter(n -> n.kind() == NodeKind.OUTPUT).count();
            assertEquals(g.inputs().size() - 1, inputs, "all inputs but self");
            assertEquals(g.outputs().size(), outputs);
            assertEquals(expected.size() + inputs + outputs, vm.root().nodes().size());
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void foldingHidesOnlyConstantsAndAttributeReads(String fixture) {
        try (ScriptModule m = Jit.load(GraphFixtures.pytorch(fixture))) {
            GraphViewModel vm = ModuleGraphs.viewModel(m, "forward");
            IrGraph g = vm.graph();
            Set<String> drawn = vm.root().nodes().stream().flatMap(n -> n.ir().stream()).map(IrNode::id).collect(Collectors.toSet());
            for (IrNode n : g.nodes()) {
                boolean foldable = n.kind().equals("prim::Constant") || n.kind().equals("prim::GetAttr")
                        || n.kind().equals("prim::ListConstruct") || n.kind().equals("prim::TupleConstruct");
                assertTrue(foldable || drawn.contains(n.id()), n + " must be drawn");
                if (n.kind().equals("prim::Constant")) {
                    assertFalse(drawn.contains(n.id()), "constants are folded: " + n);
                }
            }
            // the whole hierarchy opens without errors, and search reaches into it
            vm.expandAll();
            assertTrue(vm.allNodes().stream().noneMatch(n -> n.kind() == NodeKind.ERROR));
        }
    }

    @Test
    void l1000OpensItsNestedSequentialAndLinears() {
        try (ScriptModule m = Jit.load(GraphFixtures.pytorch("l1000_100_10.script.dat"))) {
            GraphViewModel vm = ModuleGraphs.viewModel(m, "forward");
            List<String> titles = vm.root().nodes().stream().map(GraphNode::title).toList();
            assertEquals(List.of("input input.1", "0: Sequential", "1: Linear", "output"), titles);
            GraphNode seq = vm.root().nodes().get(1);
            vm.expand(seq);
            List<String> inner = seq.content().nodes().stream().map(GraphNode::title).toList();
            assertEquals("0: Linear", inner.get(1));
            assertEquals("1: ReLU", inner.get(2));
            assertEquals(4, inner.size());
            GraphNode lin = seq.content().nodes().get(1);
            vm.expand(lin);
            GraphNode linear = lin.content().nodes().stream().filter(n -> n.title().equals("linear")).findFirst().orElseThrow();
            assertEquals("aten::linear", linear.ir().orElseThrow().kind());
            assertEquals(List.of("input", "weight", "bias"), linear.inputs().stream().map(Port::name).toList());
            assertEquals("self.weight", linear.inputs().get(1).folded());
            assertTrue(linear.sourceRange().orElseThrow().file().contains("linear"));
            assertEquals(2, vm.search("aten::linear").size(), "both Linear layers, found through the hierarchy");
            vm.collapse(seq);
            var r = linear.sourceRange().get();
            assertEquals(Set.of(seq), vm.highlightSourceLine(r.file(), r.startLine()),
                    "a line of the inner Linear's code lights up the closed group that runs it");
            GraphNode second = vm.root().nodes().get(2);
            var r2 = second.content().nodes().stream().filter(n -> n.title().equals("linear")).findFirst().orElseThrow()
                    .sourceRange().orElseThrow();
            assertFalse(r2.file().equals(r.file()), "the two Linears are distinct classes with their own code");
            assertEquals(Set.of(second), vm.highlightSourceLine(r2.file(), r2.startLine()));
        }
    }

    @Test
    void aMissingMethodIsAClearError() {
        try (ScriptModule m = Jit.load(GraphFixtures.pytorch("linrelu.script.dat"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModuleGraphs.graph(m, "nope"));
            assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        }
    }

    @Test
    void svgOfAFixtureForTheCli() {
        try (ScriptModule m = Jit.load(GraphFixtures.pytorch("linrelu.script.dat"))) {
            String svg = GraphSvg.render(ModuleGraphs.graph(m, "forward"), ModuleGraphs.loader(m), GraphOptions.defaults(), 1);
            assertTrue(svg.contains(">\u25BE 0: Linear</text>"), svg);
            assertTrue(svg.contains(">linear</text>"), svg);
            assertTrue(svg.contains(">relu</text>"), svg);
        }
    }
}
