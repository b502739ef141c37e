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
    void theFixturesLocatorFindsTheSharedFixtures() {
        assertTrue(java.nio.file.Files.isRegularFile(SharedFixtures.pytorch("linrelu.script.dat")), SharedFixtures.root().toString());
        assertTrue(java.nio.file.Files.isDirectory(SharedFixtures.resolve("not-torchscript")));
        assertTrue(java.nio.file.Files.isDirectory(SharedFixtures.project().resolve("detection")), SharedFixtures.project().toString());
    }
}
