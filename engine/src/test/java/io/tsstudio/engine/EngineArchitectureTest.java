package io.tsstudio.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.tsstudio.testkit.ArchitectureRules;
import io.tsstudio.testkit.ModuleArchitectureTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import java.util.List;

/**
 * The engine's layering rules (ARCHITECTURE.md), checked on its main classes, with the shared rules of
 * {@link ModuleArchitectureTest}: no package cycles but the known ones below, and a sealed API (no internal type in a
 * public signature; internal code reaches the native owners through {@code internal.torch.Handles}).
 */
class EngineArchitectureTest extends ModuleArchitectureTest {
    static final String NATIVE_PACKAGE = "io.tsstudio.engine.internal.torch";
    private JavaClasses engine;

    @Override
    protected String rootPackage() {
        return "io.tsstudio.engine";
    }

    /**
     * The API package and its implementation: {@code io.tsstudio.engine} holds both the facades (Tensor, ScriptModule,
     * Jit, which delegate to the native owners) and the value types the implementation builds and throws (DType,
     * MethodInfo, TensorInfo, TorchException...). Splitting them would move either the facades or some twenty public
     * types out of {@code io.tsstudio.engine}, an API rename for ui and app; the implementation reaches the facades
     * only through {@code internal.torch.Handles}. Every other package is acyclic (ir, nn and trace were untangled:
     * graphs come from {@code ScriptModule.graph}, tracing is {@code trace.Tracer}, TraceFunction lives in the API).
     */
    static final List<ArchitectureRules.KnownCycle> KNOWN_CYCLES = List.of(
            new ArchitectureRules.KnownCycle("io.tsstudio.engine.internal.torch", "io.tsstudio.engine",
                    "internal.torch implements the API package: builds its value records, throws its exceptions, returns its Tensor/ScriptModule"),
            new ArchitectureRules.KnownCycle("io.tsstudio.engine.internal.files", "io.tsstudio.engine",
                    "the pickle reader describes tensors with the API's DType and TensorInfo"),
            new ArchitectureRules.KnownCycle("io.tsstudio.engine.ops", "io.tsstudio.engine",
                    "Jit.load/save provision operators through ops, whose MissingOperatorException is a TorchException and "
                            + "whose SavedOperators is a Jit.save parameter: ops is the operator half of the loading API"),
            new ArchitectureRules.KnownCycle("io.tsstudio.engine.internal.torch", "io.tsstudio.engine.observe",
                    "the observing executor implements observe.Observer: it builds the observe records (Observation, "
                            + "NodeRecord, Frame) and calls the API's Stepper, as internal.torch does for the API package"),
            new ArchitectureRules.KnownCycle("io.tsstudio.engine.internal.torch", "io.tsstudio.engine.run",
                    "native calls honour run.CancelToken and report run.RunStats through the timed loop (PreparedCall), "
                            + "so run's API types are part of what internal.torch implements"));

    @Override
    protected java.util.Map<String, String> oneAlgorithmClasses() {
        return java.util.Map.of(
                "io/tsstudio/engine/internal/torch/ObservingExecutor.java",
                "the node-by-node interpreter of a TorchScript graph: one loop over nodes that dispatches on the node kind (If, Loop, CallMethod, GetAttr, ...) and records each step; its parts share the frame and the recording state");
    }

    @Override
    protected List<ArchitectureRules.KnownCycle> knownCycles() {
        return KNOWN_CYCLES;
    }

    @BeforeEach
    void importEngine() {
        engine = mainClasses();
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
