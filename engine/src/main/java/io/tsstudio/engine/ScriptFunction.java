package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.IrReader;
import io.tsstudio.engine.internal.torch.NativeCallable;
import io.tsstudio.engine.internal.torch.NativeCompilationUnit;

/** A function of a {@link CompilationUnit}; valid while the unit is open. Calls are thread-safe. */
public final class ScriptFunction {
    private final NativeCompilationUnit unit;
    private final NativeCallable callable;

    ScriptFunction(NativeCompilationUnit unit, NativeCallable callable) {
        this.unit = unit;
        this.callable = callable;
    }

    static {
        EngineAccess.install();
    }

    /** The callable, for {@code internal.torch.Handles} (graphs for the IR model). */
    NativeCallable handle() {
        if (unit.isClosed()) throw new IllegalStateException("compilation unit is closed");
        return callable;
    }

    public String name() {
        return callable.name();
    }

    public MethodInfo schema() {
        return callable.info();
    }

    public Object call(Object... args) {
        if (unit.isClosed()) throw new IllegalStateException("compilation unit is closed");
        return callable.call(args, true);
    }

    /** The function's graph as the IR model (formerly {@code function.graph()}). */
    public io.tsstudio.engine.ir.IrGraph graph() {
        return IrReader.readCallable(handle());
    }

    public String graphText() {
        return unit.graphText(name());
    }
}
