package io.tsstudio.ui.observe;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.observe.ModuleRecord;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.ObservedTensor;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.ui.graph.layout.GraphLayoutEngine;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphFixtures;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.ui.graph.model.NodeKind;
import io.tsstudio.ui.graph.render.GraphSvg;
import io.tsstudio.ui.graph.render.Painter;
import io.tsstudio.ui.graph.render.ScenePainter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the graph view reads an observed run, on the drawn graph of a real nested model (mnasnet0_5: Sequential
 * {@code layers} of blocks of Sequentials): node keys, records, edge labels, colours, and finding a node deep inside.
 * The records are made by hand for the nodes the view draws (the executor's own agreement with the IR is the
 * engine's test).
 */
class ObservationIndexTest {
    private static ScriptModule module;

    @BeforeAll
    static void load() {
        Path f = SharedFixtures.root().resolve("pytorch-1.13").resolve("mnasnet0_5_script.pt");
        module = Jit.load(f);
    }

    @AfterAll
    static void close() {
        module.close();
    }

    private static ObservedValue tensor(long... shape) {
        return new ObservedValue("Tensor", "t", List.of(new ObservedTensor("float32", shape, "cpu", -1, 2, 0.5, 0, 0, Optional.empty())));
    }

    /** A drawn operator two submodule levels down, and the group that holds it. */
    private static GraphNode deepOperator(GraphViewModel vm) {
        GraphNode layers = vm.root().nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).findFirst().orElseThrow();
        GraphGroup inside = layers.content();
        GraphNode block = inside.nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).skip(3).findFirst().orElseThrow();
        return block.content().nodes().stream().filter(n -> n.kind() == NodeKind.OPERATOR || n.kind() == NodeKind.MODULE)
                .filter(n -> n.ir().isPresent()).findFirst().orElseThrow();
    }

    private static ObservedRun run(Map<String, NodeRecord> records, Map<String, ObservedValue> values, long total) {
        Observation o = new Observation("forward", null, total, List.of(new ModuleRecord("", "__torch__.MNASNet", 1, total, total / 2, tensor(1, 1000), false)),
                new ArrayList<>(records.values()), List.of());
        return new ObservedRun(new RunOutcome("{}", null, null, "cpu", "observed node by node", 1), o, values);
    }

    @Test
    void aDrawnNodeFindsItsRecordByItsIdAndDeepNodesAreFoundAgainInAFreshView() {
        GraphViewModel vm = ModuleGraphs.viewModel(module, "forward");
        GraphNode op = deepOperator(vm);
        String groupModule = ValueKeys.moduleOf(ValueKeys.scopeOf(op.group().path()));
        assertTrue(groupModule.startsWith("layers."), "two levels down: " + op.group().path());
        String key = ObservationIndex.nodeKey(op);
        assertEquals(ValueKeys.node(groupModule, "forward", op.ir().get().id()), key);

        Map<String, NodeRecord> records = new HashMap<>();
        records.put(key, new NodeRecord(groupModule, "forward", op.ir().get().id(), op.ir().get().kind(), 2, 1_500_000, List.of(tensor(1, 16, 112, 112)), false));
        ObservationIndex ix = new ObservationIndex(new ObservedRun(run(records, Map.of(), 6_000_000).outcome(),
                run(records, Map.of(), 6_000_000).observation(), Map.of()));
        assertEquals(1_500_000L, ix.record(op).orElseThrow().totalNanos());
        assertEquals("1.50 ms \u00D72", ix.badge(op));
        assertEquals(ObservationIndex.heat(0.25), ix.fill(op));
        assertNotEquals(ObservationIndex.heat(0.0), ix.fill(op), "a quarter of the run is warmer than nothing");
        GraphNode notRun = vm.root().nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).findFirst().orElseThrow();
        assertEquals(0, ix.fill(notRun), "a node without a record keeps the style's colour");
        assertNull(ix.badge(notRun));

        GraphViewModel fresh = ModuleGraphs.viewModel(module, "forward");
        GraphNode found = GraphLocator.find(fresh.root(), key).orElseThrow(() -> new AssertionError(key + " not found"));
        assertEquals(op.id(), found.id());
        assertTrue(GraphLocator.find(fresh.root(), ValueKeys.node(groupModule, "forward", "n999999")).isEmpty());
    }

    @Test
    void edgesAreLabelledWithObservedShapesInPlaceOfTheStaticTypeAndNodesColouredByTime() {
        GraphViewModel vm = ModuleGraphs.viewModel(module, "forward");
        GraphGroup root = vm.root();
        Map<String, ObservedValue> values = new HashMap<>();
        Map<String, NodeRecord> records = new HashMap<>();
        List<GraphEdge> edges = root.edges();
        assertTrue(edges.size() >= 2, "the root has edges");
        for (GraphEdge e : edges) values.put(ObservationIndex.valueKey(root.path(), e.valueId()), tensor(1, 3, 224, 224));
        for (GraphNode n : root.nodes()) {
            n.ir().ifPresent(ir -> records.put(ObservationIndex.nodeKey(n), new NodeRecord("", "forward", ir.id(), ir.kind(), 1, 3_000_000, List.of(), false)));
        }
        ObservationIndex ix = new ObservationIndex(run(records, values, 6_000_000));
        assertEquals(Optional.of("[1,3,224,224] f32"), ix.shape(root.path(), edges.get(0).valueId()));

        GraphScene scene = GraphSvg.onLayoutThread(() -> new GraphLayoutEngine().layout(root, vm::isExpanded));
        ScenePainter painter = new ScenePainter();
        painter.setShapes(ix);
        painter.setDecor(ix);
        List<String> texts = new ArrayList<>();
        List<Integer> fills = new ArrayList<>();
        Painter recorder = new Painter() {
            public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
                fills.add(argb);
            }

            public void fillRect(double x, double y, double w, double h, int argb) {
                fills.add(argb);
            }

            public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth) {
            }

            public void polyline(double[] points, int argb, double lineWidth) {
            }

            public void triangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {
            }

            public void text(String s, double x, double y, double size, boolean bold, int argb) {
                texts.add(s);
            }
        };
        painter.paint(scene, recorder, -1e6, -1e6, 1e6, 1e6, 1.5, io.tsstudio.ui.graph.model.Highlights.NONE);
        long labels = texts.stream().filter("[1,3,224,224] f32"::equals).count();
        assertEquals(scene.edgeCount(), labels, "every drawn edge carries the observed shape: " + texts);
        assertTrue(texts.stream().noneMatch(t -> t.equals("Tensor")), "no static type is left on an edge");
        assertTrue(fills.contains(ObservationIndex.heat(0.5)), "nodes that took half the run are filled with that heat");
        assertTrue(texts.contains("3.00 ms"), "the time replaces the subtitle: " + texts);
    }

    @Test
    void labelsAndKeys() {
        assertEquals("[1,64,56,56] f32", ObservationIndex.label(tensor(1, 64, 56, 56)));
        ObservedValue pair = new ObservedValue("Tuple[Tensor, Tensor]", "(Tensor, Tensor)", List.of(
                tensor(2).tensors().get(0), new ObservedTensor("int64", new long[]{3}, "cpu", 0, 0, 0, 0, 0, Optional.empty())));
        assertEquals("([2] f32, [3] i64)", ObservationIndex.label(pair));
        assertEquals("3", ObservationIndex.label(new ObservedValue("int", "3", List.of())));
        assertEquals("layer1.0#forward|v3", ObservationIndex.valueKey("#forward", "layer1.0#forward:v3"), "flat view ids carry their scope");
        assertEquals("layer1#forward|v3", ObservationIndex.valueKey("layer1#forward/n5/b0", "v3"), "a block is in its graph's scope");
        assertEquals("42.0 \u00B5s", ObservationIndex.millis(42_000));
        assertEquals(ObservationIndex.RAMP[0], ObservationIndex.heat(0));
        assertEquals(ObservationIndex.RAMP[ObservationIndex.RAMP.length - 1], ObservationIndex.heat(1));
    }
}
