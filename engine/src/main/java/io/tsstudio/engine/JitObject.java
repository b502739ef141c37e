package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.NativeObject;

import java.util.List;

/**
 * An instance of a TorchScript class, as returned by a method. Read its attributes, call its methods, or pass it back
 * into a method that takes that class. Close it to release the native object (closing twice is harmless).
 */
public final class JitObject implements AutoCloseable {
    private final NativeObject handle;

    static {
        EngineAccess.install();
    }

    private JitObject(NativeObject handle) {
        this.handle = handle;
    }

    /** Wraps a native owner; engine-internal code reaches this through {@code internal.torch.Handles}. */
    static JitObject wrap(NativeObject handle) {
        return new JitObject(handle);
    }

    NativeObject handle() {
        return handle;
    }

    /** The qualified TorchScript class name, e.g. {@code __torch__.Point}. */
    public String className() {
        return handle.className();
    }

    public List<String> attributeNames() {
        return handle.attributeNames();
    }

    /** An attribute's value as a Java value (tensors are new owned handles the caller closes). */
    public Object attribute(String name) {
        return handle.attribute(name);
    }

    public Object call(String method, Object... args) {
        return handle.call(method, args);
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return "JitObject(" + className() + ")";
    }
}
