package io.tsstudio.ui.session;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.graph.bench.TransformerArchive;
import io.tsstudio.ui.inspect.ModelSummary;
import io.tsstudio.ui.inspect.ModuleEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the open path's complexity (a 14,000-module model once took most of a minute here, quadratic in the number
 * of modules): the inspector's summary visits each module of a real model exactly once, so twice the blocks is twice
 * the visits, and it never looks modules up one by one by path. Counts, not times.
 */
class ModuleSummariesScaleTest {
    private static final int MODULES_PER_BLOCK = 11; // Block, ln1, attn and its q, k, v, o, ln2, mlp and its fc1, fc2

    private record Visits(int count, Set<Integer> distinctCounts, List<Double> fractions, ModelSummary summary) {
    }

    private static Visits summarise(int blocks) {
        try (ScriptModule m = Jit.load(TransformerArchive.archive(blocks))) {
            List<Integer> counts = new ArrayList<>();
            List<Double> fractions = new ArrayList<>();
            ModelSummary s = ModuleSummaries.of(m, null, (modules, fraction) -> {
                counts.add(modules);
                fractions.add(fraction);
            });
            // one call per module visited, then the final one
            return new Visits(counts.size() - 1, new HashSet<>(counts.subList(0, counts.size() - 1)), fractions, s);
        }
    }

    @Test
    void eachModuleIsVisitedOnceSoTwiceTheBlocksIsTwiceTheWork() {
        Visits small = summarise(40);
        Visits big = summarise(80);
        assertEquals(1 + 40 * MODULES_PER_BLOCK, small.count());
        assertEquals(1 + 80 * MODULES_PER_BLOCK, big.count());
        assertEquals(big.count(), big.distinctCounts().size(), "no module is visited twice");
        assertEquals(big.count(), big.summary().root().moduleCount());
        assertEquals(2.0, (double) (big.count() - 1) / (small.count() - 1), 1e-9);
    }

    @Test
    void theTreeIsTheModelsHierarchyAndProgressRisesToOne() {
        Visits v = summarise(3);
        ModuleEntry root = v.summary().root();
        assertEquals("__torch__.Net", root.className());
        assertEquals(List.of("b0", "b1", "b2"), root.children().stream().map(ModuleEntry::name).toList());
        ModuleEntry attn = root.children().get(1).children().get(1);
        assertEquals("b1.attn", attn.path());
        assertEquals(List.of("b1.attn.q", "b1.attn.k", "b1.attn.v", "b1.attn.o"), attn.children().stream().map(ModuleEntry::path).toList());
        ModuleEntry q = attn.children().get(0);
        assertEquals(List.of("scale", "shift"), q.attributes().stream().map(a -> a.name()).filter(n -> !n.equals("training")).toList());
        assertEquals("0.5", q.attributes().stream().filter(a -> a.name().equals("scale")).findFirst().orElseThrow().value());
        assertEquals(List.of("forward"), q.methods().stream().map(m -> m.name()).toList());
        for (int i = 1; i < v.fractions().size(); i++) assertTrue(v.fractions().get(i) >= v.fractions().get(i - 1), "progress never goes back");
        assertEquals(1.0, v.fractions().get(v.fractions().size() - 1));
    }

    @Test
    void aProgressListenerCanStopTheSummary() {
        try (ScriptModule m = Jit.load(TransformerArchive.archive(20))) {
            int[] seen = {0};
            CancellationException e = assertThrows(CancellationException.class, () -> ModuleSummaries.of(m, null, (modules, fraction) -> {
                if (++seen[0] == 5) throw new CancellationException("stop");
            }));
            assertEquals("stop", e.getMessage());
            assertEquals(5, seen[0]);
        }
    }

    @Test
    void summariesNeverLookModulesUpOneByOne() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ModuleSummaries.class.getPackageName());
        noClasses().that().haveFullyQualifiedName(ModuleSummaries.class.getName())
                .should().callMethod(ScriptModule.class, "submodule", String.class)
                .orShould().callMethod(ScriptModule.class, "namedModules")
                .because("a lookup by path scans the parent's children: once per module, that is quadratic")
                .check(classes);
    }
}
