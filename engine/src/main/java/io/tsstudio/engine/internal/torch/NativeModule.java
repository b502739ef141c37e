package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.pytorch.JitModule;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sole owner of one native {@code torch::jit::Module}. The public {@link io.tsstudio.engine.ScriptModule} holds one
 * of these. A module handle obtained from another module (a submodule) shares the underlying object, which is
 * reference counted natively, so closing either handle is safe.
 */
public final class NativeModule implements AutoCloseable {
    private final JitModule module;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NativeModule(JitModule module) {
        this.module = module;
    }

    /** Takes ownership of {@code m} (one retained reference, so an enclosing PointerScope cannot free it). */
    public static NativeModule own(JitModule m) {
        m.retainReference();
        return new NativeModule(m);
    }

    /** The native module, valid until {@link #close()}. Callers must not close or retain it. */
    public JitModule get() {
        if (closed.get()) throw new TorchException("module is closed");
        return module;
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) module.releaseReference();
    }
}
