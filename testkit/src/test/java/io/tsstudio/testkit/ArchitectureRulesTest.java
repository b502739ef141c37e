package io.tsstudio.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tsstudio.testkit.synthetic.api.Leaky;
import io.tsstudio.testkit.synthetic.api.Sealed;
import io.tsstudio.testkit.synthetic.vm.ShapeView;
import io.tsstudio.testkit.synthetic.vm.ShapeViewModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Each shared rule fails on a deliberate violation in a small synthetic class set, and passes without it. */
class ArchitectureRulesTest {
    private static final String SYNTHETIC = "io.tsstudio.testkit.synthetic";

    @Test
    void aPackageCycleFailsUnlessItsEdgeIsAKnownException() {
        JavaClasses classes = new ClassFileImporter().importPackages(SYNTHETIC + ".cycle");
        AssertionError e = assertThrows(AssertionError.class, () -> ArchitectureRules.noPackageCycles(SYNTHETIC + ".cycle", List.of()).check(classes));
        assertTrue(e.getMessage().contains("Cycle detected: Slice " + SYNTHETIC + ".cycle.a"), e.getMessage());
        assertTrue(e.getMessage().contains(SYNTHETIC + ".cycle.b"), e.getMessage());

        ArchitectureRules.noPackageCycles(SYNTHETIC + ".cycle", List.of(
                new ArchitectureRules.KnownCycle(SYNTHETIC + ".cycle.b", SYNTHETIC + ".cycle.a", "the test allows it"))).check(classes);
        assertThrows(IllegalArgumentException.class, () -> new ArchitectureRules.KnownCycle("x", "y", " "), "a known cycle needs a reason");
    }

    @Test
    void anInternalTypeInAPublicSignatureFails() {
        JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class, io.tsstudio.testkit.synthetic.api.internal.Secret.class);
        AssertionError e = assertThrows(AssertionError.class, () -> ArchitectureRules.noInternalTypesInPublicSignatures().check(leaky));
        assertTrue(e.getMessage().contains(Leaky.class.getName() + " secret(...) exposes " + SYNTHETIC + ".api.internal.Secret"), e.getMessage());
        assertTrue(e.getMessage().contains(Leaky.class.getName() + " take(...) exposes " + SYNTHETIC + ".api.internal.Secret"), "a type argument counts: " + e.getMessage());

        ArchitectureRules.noInternalTypesInPublicSignatures().check(new ClassFileImporter().importClasses(Sealed.class, io.tsstudio.testkit.synthetic.api.internal.Secret.class));
    }

    @Test
    void aViewModelUsingTheSceneGraphFails() {
        JavaClasses vm = new ClassFileImporter().importClasses(ShapeViewModel.class);
        AssertionError e = assertThrows(AssertionError.class, () -> ArchitectureRules.viewModelsNeverUseJavafxScene().check(vm));
        assertTrue(e.getMessage().contains(ShapeViewModel.class.getName()) && e.getMessage().contains("javafx.scene.paint.Color"), e.getMessage());

        ArchitectureRules.viewModelsNeverUseJavafxScene().check(new ClassFileImporter().importClasses(ShapeView.class));
    }

    @Test
    void aClassOverTheLineLimitFailsUnlessListedAsOneAlgorithmWithAReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path src) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(src.resolve("io/x"));
        java.nio.file.Files.writeString(dir.resolve("Big.java"), "class Big {\n" + "  int f;\n".repeat(10) + "}\n"); // 12 lines
        java.nio.file.Files.writeString(dir.resolve("Small.java"), "class Small {\n}\n");

        AssertionError e = assertThrows(AssertionError.class, () -> new ClassSizeRule(11, java.util.Map.of()).check(src));
        assertTrue(e.getMessage().contains("io/x/Big.java has 12 lines (limit 11)"), e.getMessage());
        assertFalse(e.getMessage().contains("Small"), e.getMessage());

        new ClassSizeRule(11, java.util.Map.of("io/x/Big.java", "one parser")).check(src);
        new ClassSizeRule(12, java.util.Map.of()).check(src);

        // a listed exception that no longer needs it, or is gone, fails: the list cannot go stale
        assertEquals(List.of("io/x/Small.java is listed as one algorithm but has only 2 lines: drop it from the list",
                        "io/x/Gone.java is listed as one algorithm but does not exist").stream().sorted().toList(),
                new ClassSizeRule(11, java.util.Map.of("io/x/Big.java", "one parser", "io/x/Small.java", "why", "io/x/Gone.java", "why"))
                        .violations(src).stream().sorted().toList());
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class, () -> new ClassSizeRule(11, java.util.Map.of("io/x/Big.java", " ")));
        assertEquals("io/x/Big.java is listed as one algorithm without a reason", noReason.getMessage());
    }

    @Test
    void theFixturesLocatorFindsTheSharedFixtures() {
        assertTrue(java.nio.file.Files.isRegularFile(SharedFixtures.pytorch("linrelu.script.dat")), SharedFixtures.root().toString());
        assertTrue(java.nio.file.Files.isDirectory(SharedFixtures.resolve("not-torchscript")));
        assertTrue(java.nio.file.Files.isDirectory(SharedFixtures.project().resolve("detection")), SharedFixtures.project().toString());
    }
}
