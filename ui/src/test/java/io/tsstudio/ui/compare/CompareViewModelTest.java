package io.tsstudio.ui.compare;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.ui.graph.model.GraphFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model against its frozen self, as the graph view's "Compare with freeze…" shows it: no toolkit. */
class CompareViewModelTest {
    @Test
    void aFrozenModelLosesItsSubmodulesAndParametersButComputesTheSame() {
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("l1000_100_10.script.dat")); ScriptModule frozen = m.freeze()) {
            ModelComparison.Result r = ModelComparison.run(m, frozen, "forward", new SameProcessComparisonRuns(), CancelToken.none()).join();
            CompareViewModel vm = new CompareViewModel(r.diff());
            assertTrue(r.inputs().startsWith("input = "), r.inputs());
            assertEquals(Optional.empty(), vm.firstDivergence());
            for (String path : List.of("0", "0.0", "0.1", "1")) {
                assertEquals(Optional.of(ModuleMark.REMOVED), vm.markA(path), path);
                assertEquals(Optional.empty(), vm.markB(path), path);
            }
            List<String> texts = vm.rows().stream().map(DiffRow::text).toList();
            assertEquals("outputs of forward: equal, max abs diff 0.000", texts.get(0));
            assertTrue(texts.contains("parameter 0.0.weight  removed [100, 1000]"), texts::toString);
            assertTrue(vm.rows().stream().anyMatch(row -> row.kind().equals("code") && row.code().isPresent()), texts::toString);
            // the root changes too: its class code and methods are the frozen ones
            assertTrue(vm.summary().startsWith("5 module, 4 parameter and "), vm.summary());
            assertTrue(vm.summary().endsWith("; same outputs"), vm.summary());
        }
    }
}
