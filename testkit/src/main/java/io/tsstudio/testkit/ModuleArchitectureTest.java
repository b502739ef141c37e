package io.tsstudio.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of {@link ArchitectureRules}, run on one module's main classes: each module's architecture test extends
 * this, names its root package and lists its known package cycles (with reasons), and adds its own rules.
 */
public abstract class ModuleArchitectureTest {
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** The module's root package, e.g. {@code io.tsstudio.engine}. */
    protected abstract String rootPackage();

    /** Package dependencies that close a known cycle, each with its reason; none by default. */
    protected List<ArchitectureRules.KnownCycle> knownCycles() {
        return List.of();
    }

    /**
     * Main source files allowed over {@link ClassSizeRule#MAX_LINES} lines because each is one algorithm, keyed by
     * their path under {@code src/main/java}, each with the reason; none by default.
     */
    protected Map<String, String> oneAlgorithmClasses() {
        return Map.of();
    }

    /** The module's main classes (no tests), imported once per test run. */
    protected final JavaClasses mainClasses() {
        JavaClasses classes = IMPORTED.computeIfAbsent(rootPackage(), p ->
                new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(p));
        assertTrue(classes.size() > 10, "the classes of " + rootPackage() + " were not found: " + classes.size());
        return classes;
    }

    @Test
    void packagesFormNoCycles() {
        ArchitectureRules.noPackageCycles(rootPackage(), knownCycles()).check(mainClasses());
    }

    @Test
    void noClassIsOver500LinesUnlessItIsOneAlgorithm() {
        // surefire runs each module's tests in the module's folder
        new ClassSizeRule(ClassSizeRule.MAX_LINES, oneAlgorithmClasses()).check(Path.of("src", "main", "java"));
    }

    @Test
    void publicSignaturesExposeNoInternalTypes() {
        ArchitectureRules.noInternalTypesInPublicSignatures().check(mainClasses());
    }

    @Test
    void viewModelsNeverUseJavafxScene() {
        ArchitectureRules.viewModelsNeverUseJavafxScene().check(mainClasses());
    }
}
