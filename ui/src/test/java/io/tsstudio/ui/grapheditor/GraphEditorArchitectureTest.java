package io.tsstudio.ui.grapheditor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The graph document model and the Script/Trace/import code stay toolkit-free. */
class GraphEditorArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tsstudio.ui.grapheditor");

    /** The engine's plain-Java type and schema text ({@code io.tsstudio.engine.types}) is the one allowed engine package. */
    @Test
    void theDocumentModelNeedsNoToolkitAndNoEngine() {
        noClasses().that().resideInAPackage("io.tsstudio.ui.grapheditor.model..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.tsstudio.ui.grapheditor")
                .because("the document, commands and code generator are plain Java").check(classes);
        noClasses().that().resideInAPackage("io.tsstudio.ui.grapheditor.model..").should().dependOnClassesThat(
                        resideInAPackage("io.tsstudio.engine..").and(not(resideInAPackage("io.tsstudio.engine.types.."))))
                .because("only the engine's toolkit-free type text is shared with the document model").check(classes);
    }

    @Test
    void theScriptAndTracePathsNeedNoToolkit() {
        noClasses().that().resideInAPackage("io.tsstudio.ui.grapheditor.script..").should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
