package io.tsstudio.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

/** The UI's layering rules (ARCHITECTURE.md), checked on its main classes. */
class UiArchitectureTest {
    private static JavaClasses ui;

    @BeforeAll
    static void importUi() {
        ui = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tsstudio.ui");
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
