package io.tsstudio.ui.graph;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The graph view's model, layout and SVG/PNG rendering stay toolkit-free, so the CLI can use them without JavaFX. */
class GraphArchitectureTest {
    @Test
    void onlyTheFxPackageUsesJavaFx() {
        JavaClasses graph = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tsstudio.ui.graph");
        noClasses().that().resideOutsideOfPackage("io.tsstudio.ui.graph.fx..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("tsstudio graph --format svg renders headless").check(graph);
    }
}
