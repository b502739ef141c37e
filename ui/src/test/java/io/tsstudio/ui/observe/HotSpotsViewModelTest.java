package io.tsstudio.ui.observe;

import io.tsstudio.engine.observe.ModuleRecord;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.ObservedValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HotSpotsViewModelTest {
    private static final ObservedValue NONE = new ObservedValue("NoneType", "None", List.of());

    @Test
    void modulesAndOperatorsBySelfTimeWithCallsAndWhereToJump() {
        Observation o = new Observation("forward", null, 10_000, List.of(
                new ModuleRecord("", "__torch__.Net", 1, 10_000, 1_000, NONE, false),
                new ModuleRecord("cell", "__torch__.torch.nn.modules.rnn.Cell", 5, 9_000, 4_000, NONE, false)),
                List.of(new NodeRecord("", "forward", "n1", "prim::Loop", 1, 9_500, List.of(), false),
                        new NodeRecord("cell", "forward", "n2", "aten::linear", 5, 5_000, List.of(), false),
                        new NodeRecord("", "forward", "n3", "prim::CallMethod", 5, 9_000, List.of(), false),
                        new NodeRecord("", "forward", "n4", "aten::relu", 1, 500, List.of(), true)),
                List.of());
        List<HotSpot> rows = HotSpotsViewModel.rows(o);
        assertEquals(List.of("aten::linear", "cell", "(root)", "aten::relu (run whole)"), rows.stream().map(HotSpot::name).toList());
        assertTrue(rows.stream().noneMatch(r -> r.name().startsWith("prim::Loop") || r.name().startsWith("prim::CallMethod")),
                "containers show through their module and the graph, not as operators");
        HotSpot cell = rows.get(1);
        assertTrue(cell.module());
        assertEquals(5, cell.calls());
        assertEquals("Cell", cell.where());
        assertEquals("cell#forward/n2", cell.target(), "a module row jumps to the first node that ran inside it");
        assertFalse(rows.get(0).module());
        assertEquals("cell#forward/n2", rows.get(0).target());
    }
}
