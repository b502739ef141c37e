package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.internal.torch.NativeCompilationUnit;

import java.util.List;

/** Functions compiled from TorchScript source ({@link Jit#compile}). Close it to free them. */
public final class CompilationUnit implements AutoCloseable {
    private final NativeCompilationUnit handle;

    CompilationUnit(NativeCompilationUnit handle) {
        this.handle = handle;
    }

    public String source() {
        return handle.source();
    }

    public List<FunctionInfo> functions() {
        return handle.functions();
    }

    public ScriptFunction function(String name) {
        return new ScriptFunction(handle, handle.function(name));
    }

    public Object call(String name, Object... args) {
        return handle.call(name, args);
    }

    /**
     * A new module of class {@code className} whose methods are these functions (a function named {@code forward}
     * becomes its forward). Calls between the functions become method calls on {@code self}.
     */
    public ScriptModule toModule(String className) {
        return Handles.wrap(handle.toModule(className));
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    @Override
    public void close() {
        handle.close();
    }
}
