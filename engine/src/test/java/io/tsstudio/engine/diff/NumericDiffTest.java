package io.tsstudio.engine.diff;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.run.CancelToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both models of a pair observed on the same input; module calls matched by path and call order. */
class NumericDiffTest {
    @TempDir
    Path dir;
    private Tensor x;

    @BeforeEach
    void input() {
        Torch.manualSeed(11);
        x = Tensors.randn(2, 4);
    }

    @AfterEach
    void close() {
        x.close();
    }

    private ScriptModule saved(String name, int headOut, String block) {
        Map<String, Tensor> w = DiffPairs.weights(1, headOut);
        try {
            return DiffPairs.roundTrip(DiffPairs.scripted(w, block), dir.resolve(name));
        } finally {
            DiffPairs.closeAll(w);
        }
    }

    private NumericDiff run(ScriptModule a, ScriptModule b) {
        ModelDiff d = ModelDiffer.compare(a, b, "forward", List.of(x), Tolerance.DEFAULT, ModelDiffer.DEFAULT_KEEP_BYTES,
                ModelDiffer.IN_PROCESS, CancelToken.none());
        return d.numeric().orElseThrow();
    }

    private static Map<String, ModuleOutputDiff> byPath(NumericDiff n) {
        return n.modules().stream().collect(Collectors.toMap(ModuleOutputDiff::path, m -> m));
    }

    @Test
    void equalModelsAreEquivalentWithEveryModuleAtZero() {
        try (ScriptModule a = saved("a.pt", 3, DiffPairs.BLOCK); ScriptModule b = saved("b.pt", 3, DiffPairs.BLOCK)) {
            NumericDiff n = run(a, b);
            assertEquals(List.of("", "body", "body.fc1", "body.fc2", "head"), n.modules().stream().map(ModuleOutputDiff::path).toList());
            assertTrue(n.modules().stream().allMatch(m -> m.maxAbsDiff() == 0.0 && !m.diverges() && m.calls() == 1), n.modules()::toString);
            assertTrue(n.outputsEqual());
            assertEquals(0.0, n.outputMaxAbsDiff());
            assertTrue(n.firstDivergence().isEmpty());
            assertTrue(n.equivalent());
        }
    }

    @Test
    void aNudgedWeightDivergesFirstInItsOwnModule() {
        try (ScriptModule a = saved("a.pt", 3, DiffPairs.BLOCK); ScriptModule b = StructureDiffTest.nudged(saved("b.pt", 3, DiffPairs.BLOCK))) {
            NumericDiff n = run(a, b);
            assertEquals("body.fc2", n.firstDivergence().orElseThrow().path());
            Map<String, ModuleOutputDiff> m = byPath(n);
            assertEquals(0.0, m.get("body.fc1").maxAbsDiff());
            assertFalse(m.get("body.fc1").diverges());
            // fc2's output 3 moves by 0.25 * sum(relu(h)) for each sample
            assertTrue(m.get("body.fc2").maxAbsDiff() > 0, m.get("body.fc2")::toString);
            assertTrue(m.get("head").diverges());
            assertFalse(n.outputsEqual());
            assertTrue(n.outputMaxAbsDiff() > 0);
            assertFalse(n.equivalent());
        }
    }

    @Test
    void aReplacedHeadIsAShapeChangeAtTheHead() {
        try (ScriptModule a = saved("a.pt", 3, DiffPairs.BLOCK); ScriptModule b = saved("b.pt", 5, DiffPairs.BLOCK)) {
            NumericDiff n = run(a, b);
            ModuleOutputDiff first = n.firstDivergence().orElseThrow();
            assertEquals("head", first.path());
            assertTrue(first.shapeChanged());
            assertNull(first.maxAbsDiff());
            assertEquals(0.0, byPath(n).get("body").maxAbsDiff());
            assertFalse(n.outputsEqual());
            assertNull(n.outputMaxAbsDiff());
        }
    }

    @Test
    void anEditedMethodDivergesInItsModuleNotInTheChildrenItCalls() {
        try (ScriptModule a = saved("a.pt", 3, DiffPairs.BLOCK); ScriptModule b = saved("b.pt", 3, DiffPairs.BLOCK_EDITED)) {
            NumericDiff n = run(a, b);
            // body starts before fc2 and returns after it: fc2 still agrees, body's own "* 2" is where they part
            assertEquals("body", n.firstDivergence().orElseThrow().path());
            assertEquals(0.0, byPath(n).get("body.fc2").maxAbsDiff());
            assertTrue(byPath(n).get("body").maxAbsDiff() > 0);
        }
    }

    @Test
    void aTracedTwinComputesTheSameThing() {
        Map<String, Tensor> w = DiffPairs.weights(1, 3);
        try (ScriptModule a = DiffPairs.roundTrip(DiffPairs.scripted(w, DiffPairs.BLOCK), dir.resolve("s.pt"));
             ScriptModule b = DiffPairs.roundTrip(DiffPairs.traced(w), dir.resolve("t.pt"))) {
            NumericDiff n = run(a, b);
            assertTrue(n.outputsEqual(), n::toString);
            assertTrue(n.firstDivergence().isEmpty(), n::toString);
            assertTrue(n.equivalent());
            assertTrue(n.outputMaxAbsDiff() <= 1e-6, n::toString);
            assertEquals("", n.modules().get(0).path());
        } finally {
            DiffPairs.closeAll(w);
        }
    }

    @Test
    void theFirstDivergenceFollowsTheOrderCallsReturned() {
        var calls = List.of(call("", 0), call("a", 0), call("a.x", 0), call("a.y", 0), call("b", 0), call("a", 1), call("a.x", 1));
        assertEquals(List.of("a.x#0", "a.y#0", "a#0", "b#0", "a.x#1", "a#1", "#0"),
                CallMatching.returnOrder(calls).stream().map(c -> c.path() + "#" + c.index()).toList());
    }

    private static io.tsstudio.engine.observe.ModuleCall call(String path, int index) {
        return new io.tsstudio.engine.observe.ModuleCall(path, "forward", index,
                new io.tsstudio.engine.observe.ObservedValue("int", "1", List.of()));
    }
}
