package io.tsstudio.engine.internal.torch;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.QualifiedName;

import java.nio.file.Path;

/** Loads fixtures, compiles source and builds nested modules (through JavaCPP: the public API cannot nest modules yet) for IR tests. */
public final class IrTestModules {
    private IrTestModules() {
    }

    /** The shared fixtures folder. */
    public static Path fixtures() {
        return SharedFixtures.root();
    }

    public static ScriptModule load(String pytorchFixture) {
        return Jit.load(fixtures().resolve("pytorch").resolve(pytorchFixture));
    }

    /** A module of class {@code name} whose methods are {@code source}, with the given submodules registered first. */
    public static ScriptModule define(String name, String source, Object... namesAndSubmodules) {
        Runtime.ensureLoaded();
        try (PointerScope s = new PointerScope()) {
            JitModule m = new JitModule(new QualifiedName(name));
            for (int i = 0; i < namesAndSubmodules.length; i += 2) {
                m.register_module((String) namesAndSubmodules[i], Handles.of(((ScriptModule) namesAndSubmodules[i + 1])).get());
            }
            m.define(source);
            return Handles.wrap(NativeModule.own(m));
        }
    }

    /** The IR of function {@code name} compiled from {@code source}. */
    public static IrGraph compiledFunction(String source, String name) {
        try (io.tsstudio.engine.CompilationUnit cu = Jit.compile(source)) {
            return (cu.function(name)).graph();
        }
    }
}
