package io.tsstudio.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's layering rules (ARCHITECTURE.md), checked on its main classes. */
class EngineArchitectureTest {
    static final String NATIVE_PACKAGE = "io.tsstudio.engine.internal.torch";
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tsstudio.engine");
        assertTrue(engine.size() > 10, "engine classes were not found: " + engine.size());
    }

    @Test
    void engineNeverUsesJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the engine must run headless and in the worker process").check(engine);
    }

    @Test
    void onlyTheInternalTorchPackageTouchesJavaCpp() {
        noClasses().that().resideOutsideOfPackage(NATIVE_PACKAGE).should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .because("the public engine API exposes plain Java types only").check(engine);
    }

    @Test
    void engineNeverPrints() {
        noClasses().should(ACCESS_STANDARD_STREAMS).because("only the CLI's output code prints; the engine reports through exceptions").check(engine);
    }

    @Test
    void engineDependsOnNoUpperLayer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tsstudio.ui..", "io.tsstudio.app..").check(engine);
    }
}
