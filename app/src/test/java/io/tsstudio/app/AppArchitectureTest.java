package io.tsstudio.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tsstudio.app.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's layering rules (ARCHITECTURE.md), checked on its main classes. */
class AppArchitectureTest {
    /**
     * The one class allowed to touch System.out/System.err: the CLI entry point binds the process's streams and hands
     * them, as writers, to the rest of the CLI.
     */
    static final String CLI_OUTPUT_CLASS = Cli.class.getName();
    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tsstudio.app");
        assertTrue(app.contain(CLI_OUTPUT_CLASS), "app classes were not found");
    }

    @Test
    void appNeverTouchesJavaCpp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .because("only io.tsstudio.engine.internal.torch may use JavaCPP").check(app);
    }

    @Test
    void appNeverUsesTheEnginesInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.tsstudio.engine.internal..").check(app);
    }

    @Test
    void onlyTheCliEntryPointPrints() {
        noClasses().that().doNotHaveFullyQualifiedName(CLI_OUTPUT_CLASS).should(ACCESS_STANDARD_STREAMS)
                .because("only the CLI's output code prints").check(app);
    }
}
