package io.tsstudio.ui.grapheditor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The graph document model and the Script/Trace/import code stay toolkit-free. */
class GraphEditorArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tsstudio.ui.grapheditor");

    @Test
    void theDocumentModelNeedsNoToolkitAndNoEngine() {
        noClasses().that().resideInAPackage("io.tsstudio.ui.grapheditor.model..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.tsstudio.engine..", "io.tsstudio.ui.grapheditor")
                .because("the document, commands and code generator are plain Java").check(classes);
    }

    @Test
    void theScriptAndTracePathsNeedNoToolkit() {
        noClasses().that().resideInAPackage("io.tsstudio.ui.grapheditor.script..").should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
