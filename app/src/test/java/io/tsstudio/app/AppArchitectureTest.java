package io.tsstudio.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.tsstudio.app.cli.Cli;
import io.tsstudio.testkit.ModuleArchitectureTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's layering rules (ARCHITECTURE.md), checked on its main classes, with the shared rules of
 * {@link ModuleArchitectureTest}.
 */
class AppArchitectureTest extends ModuleArchitectureTest {
    /**
     * The classes allowed to touch System.out/System.err, each a process entry point that binds the standard streams:
     * the CLI (it hands them, as writers, to every command) and the run worker (it must move System.out off its
     * protocol before a model prints, and reports a lost connection on stderr), and the launcher (the one sentence
     * for no display, a mistyped command, a file handed to the running studio, and the first start's unpacking).
     */
    static final Set<String> STREAM_OWNERS = Set.of(Cli.class.getName(), "io.tsstudio.app.worker.WorkerMain", "io.tsstudio.app.Launcher");
    private JavaClasses app;

    @Override
    protected String rootPackage() {
        return "io.tsstudio.app";
    }

    @BeforeEach
    void importApp() {
        app = mainClasses();
        for (String owner : STREAM_OWNERS) assertTrue(app.contain(owner), owner + " was not found among the app's classes");
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
    void onlyTheProcessEntryPointsPrint() {
        noClasses().that(DescribedPredicate.describe("are not " + STREAM_OWNERS, (JavaClass c) -> !STREAM_OWNERS.contains(c.getName())))
                .should(ACCESS_STANDARD_STREAMS)
                .because("only the CLI's output code prints").check(app);
    }
}
