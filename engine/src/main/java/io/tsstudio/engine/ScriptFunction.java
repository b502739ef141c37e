package io.tsstudio.engine;

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

    /** The native handle; engine-internal code only (graphs for the IR model). */
    public NativeCallable nativeHandle() {
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

    public String graphText() {
        return unit.graphText(name());
    }
}
