package io.tsstudio.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.tsstudio.testkit.ArchitectureRules;
import io.tsstudio.testkit.ModuleArchitectureTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

/**
 * The UI's layering rules (ARCHITECTURE.md), checked on its main classes, with the shared rules of
 * {@link ModuleArchitectureTest} (no package cycles, no internal type in a public signature, view models off the
 * scene graph).
 */
class UiArchitectureTest extends ModuleArchitectureTest {
    private JavaClasses ui;

    @Override
    protected String rootPackage() {
        return "io.tsstudio.ui";
    }

    /**
     * The graph editor's importer ({@code script.IrImport}) places imported blocks with the editor's
     * {@code AutoLayout}, which sizes blocks with {@code BlockGeometry}, beside the view model. Both move to a layout
     * package of their own with the editor's split (issue 14 item 2, another branch), which removes this edge.
     */
    @Override
    protected java.util.Map<String, String> oneAlgorithmClasses() {
        return java.util.Map.of(
                "io/tsstudio/ui/graph/layout/SweepLayout.java",
                "one layered-layout algorithm (longest-path layering, barycentre crossing sweeps, coordinate assignment) that must lay out 50,000 nodes in about a second, so its phases share flat arrays");
    }

    @Override
    protected List<ArchitectureRules.KnownCycle> knownCycles() {
        return List.of(new ArchitectureRules.KnownCycle("io.tsstudio.ui.grapheditor.script", "io.tsstudio.ui.grapheditor",
                "IrImport lays imported graphs out with the editor's AutoLayout/BlockGeometry (until the editor split)"));
    }

    @BeforeEach
    void importUi() {
        ui = mainClasses();
    }

    @Test
    void uiNeverTouchesJavaCpp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .because("only io.tsstudio.engine.internal.torch may use JavaCPP").allowEmptyShould(true).check(ui);
    }

    @Test
    void uiNeverPrints() {
        noClasses().should(ACCESS_STANDARD_STREAMS).because("only the CLI's output code prints").allowEmptyShould(true).check(ui);
    }

    @Test
    void uiNeverUsesTheEnginesInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tsstudio.engine.internal..", "io.tsstudio.app..")
                .allowEmptyShould(true).check(ui);
    }
}
