package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.NativeModule;

/**
 * A TorchScript module (loaded, compiled or traced). Thread-safe for calls: one module may be called from several
 * threads at once. Close it to free native memory; closing twice is harmless.
 */
public final class ScriptModule implements AutoCloseable {
    private final NativeModule handle;

    private ScriptModule(NativeModule handle) {
        this.handle = handle;
    }

    /** Wraps a native handle; engine-internal code only. */
    public static ScriptModule wrap(NativeModule handle) {
        return new ScriptModule(handle);
    }

    /** The native handle; engine-internal code only. */
    public NativeModule nativeHandle() {
        return handle;
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    @Override
    public void close() {
        handle.close();
    }
}
