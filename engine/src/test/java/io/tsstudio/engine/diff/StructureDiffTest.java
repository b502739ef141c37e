package io.tsstudio.engine.diff;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.NoGrad;
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

/** Modules, parameters and class code of model pairs saved and loaded back. */
class StructureDiffTest {
    @TempDir
    Path dir;

    private ScriptModule saved(String name, int headOut, String block, long seed) {
        Map<String, Tensor> w = DiffPairs.weights(seed, headOut);
        try {
            return DiffPairs.roundTrip(DiffPairs.scripted(w, block), dir.resolve(name));
        } finally {
            DiffPairs.closeAll(w);
        }
    }

    private static Map<String, ParameterChange> byName(ModelDiff d) {
        return d.parameters().stream().collect(Collectors.toMap(ParameterChange::name, p -> p));
    }

    private static Map<String, ModuleChange> modules(ModelDiff d) {
        return d.modules().stream().collect(Collectors.toMap(ModuleChange::path, m -> m));
    }

    @Test
    void theSameModelSavedTwiceIsEqualEverywhere() {
        try (ScriptModule a = saved("a.pt", 3, DiffPairs.BLOCK, 1); ScriptModule b = saved("b.pt", 3, DiffPairs.BLOCK, 1)) {
            ModelDiff d = ModelDiffer.compare(a, b);
            assertEquals(List.of("", "body", "body.fc1", "body.fc2", "head"), d.modules().stream().map(ModuleChange::path).toList());
            assertTrue(d.modules().stream().allMatch(m -> m.status() == ModuleChange.Status.EQUAL), d.modules()::toString);
            assertEquals(6, d.parameters().size());
            assertTrue(d.parameters().stream().allMatch(p -> p.status() == ParameterChange.Status.EQUAL && p.maxAbsDiff() == 0.0));
            assertFalse(d.code().isEmpty());
            assertTrue(d.code().stream().noneMatch(ClassCodeDiff::changed), () -> d.code().toString());
            assertTrue(d.structureEqual());
            assertTrue(d.equivalent());
        }
    }

    @Test
    void aNudgedWeightIsTheOneChangedParameterWithItsDifference() {
        try (ScriptModule a = saved("a.pt", 3, DiffPairs.BLOCK, 1); ScriptModule b = nudged(saved("b.pt", 3, DiffPairs.BLOCK, 1))) {
            ModelDiff d = ModelDiffer.compare(a, b);
            Map<String, ParameterChange> p = byName(d);
            ParameterChange w = p.get("body.fc2.weight");
            assertEquals(ParameterChange.Status.VALUES, w.status());
            assertEquals(0.25, w.maxAbsDiff(), 1e-6);
            assertTrue(w.maxRelDiff() > 0);
            assertEquals(List.of("body.fc2.weight"), d.parameters().stream()
                    .filter(x -> x.status() != ParameterChange.Status.EQUAL).map(ParameterChange::name).toList());
            assertTrue(d.modules().stream().allMatch(m -> m.status() == ModuleChange.Status.EQUAL));
            assertFalse(d.structureEqual());
        }
    }

    /** Adds 0.25 to row 3 of body.fc2.weight, in place (a whole row, so some active input always meets it). */
    static ScriptModule nudged(ScriptModule m) {
        Map<String, Tensor> params = m.namedParameters();
        try (NoGrad g = NoGrad.enter(); Tensor row = params.get("body.fc2.weight").select(0, 3)) {
            row.add_(0.25);
        } finally {
            params.values().forEach(Tensor::close);
        }
        return m;
    }

    @Test
    void aReplacedHeadChangesTheShapesOfItsParameters() {
        try (ScriptModule a = saved("a.pt", 3, DiffPairs.BLOCK, 1); ScriptModule b = saved("b.pt", 5, DiffPairs.BLOCK, 1)) {
            ModelDiff d = ModelDiffer.compare(a, b);
            ParameterChange w = byName(d).get("head.weight");
            assertEquals(ParameterChange.Status.SHAPE, w.status());
            assertEquals(List.of(3L, 8L), w.shapeA());
            assertEquals(List.of(5L, 8L), w.shapeB());
            assertNull(w.maxAbsDiff());
            assertEquals(ParameterChange.Status.SHAPE, byName(d).get("head.bias").status());
            assertEquals(ParameterChange.Status.EQUAL, byName(d).get("body.fc1.weight").status());
        }
    }

    @Test
    void anEditedMethodChangesItsClassCodeOnly() {
        try (ScriptModule a = saved("a.pt", 3, DiffPairs.BLOCK, 1); ScriptModule b = saved("b.pt", 3, DiffPairs.BLOCK_EDITED, 1)) {
            ModelDiff d = ModelDiffer.compare(a, b);
            ModuleChange body = modules(d).get("body");
            assertEquals(ModuleChange.Status.CHANGED, body.status());
            assertEquals(List.of("code"), body.what());
            assertEquals(ModuleChange.Status.EQUAL, modules(d).get("body.fc1").status());
            assertEquals(ModuleChange.Status.EQUAL, modules(d).get("").status());
            List<ClassCodeDiff> changed = d.code().stream().filter(ClassCodeDiff::changed).toList();
            assertEquals(1, changed.size(), changed::toString);
            assertEquals("__torch__.Block", changed.get(0).classA());
            List<LineDiff.Line> edits = changed.get(0).lines().stream().filter(l -> l.op() != LineDiff.Op.SAME).toList();
            assertEquals(2, edits.size(), edits::toString);
            assertEquals(LineDiff.Op.REMOVED, edits.get(0).op());
            assertEquals(LineDiff.Op.ADDED, edits.get(1).op());
            assertTrue(edits.get(1).text().contains("2."), edits.get(1)::text);
            assertTrue(d.parameters().stream().allMatch(p -> p.status() == ParameterChange.Status.EQUAL));
        }
    }

    @Test
    void aTracedTwinHasTheSameParametersButOtherClassesAndCode() {
        Map<String, Tensor> w = DiffPairs.weights(1, 3);
        try (ScriptModule a = DiffPairs.roundTrip(DiffPairs.scripted(w, DiffPairs.BLOCK), dir.resolve("s.pt"));
             ScriptModule b = DiffPairs.roundTrip(DiffPairs.traced(w), dir.resolve("t.pt"))) {
            ModelDiff d = ModelDiffer.compare(a, b);
            assertTrue(d.parameters().stream().allMatch(p -> p.status() == ParameterChange.Status.EQUAL), d.parameters()::toString);
            assertEquals(6, d.parameters().size());
            assertTrue(d.code().stream().anyMatch(ClassCodeDiff::changed));
            assertFalse(d.structureEqual());
        } finally {
            DiffPairs.closeAll(w);
        }
    }
}
