package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.NativeCallable;
import io.tsstudio.engine.internal.torch.NativeLifetime;
import io.tsstudio.engine.internal.torch.NativeModule;

/**
 * A method call with its arguments converted once, for timing the same call many times: {@link #invoke} is the
 * method call and nothing a raw JavaCPP loop does not do (no argument conversion, no PointerScope, no Java result),
 * so timings measure the model. The result is converted only when asked ({@link Result#toJava}).
 * <p>
 * Runs under InferenceMode when {@code inference} was asked (what {@link ScriptModule#call} does for a module in
 * eval mode). Several threads may invoke one prepared call at once. Close it to free the converted arguments.
 */
public final class PreparedCall implements AutoCloseable {
    private static final ThreadLocal<PreparedCall> ENTERED = new ThreadLocal<>();
    private final NativeModule module;
    private final NativeCallable.Prepared prepared;
    private final boolean inference;

    PreparedCall(NativeModule module, String method, Object[] args, boolean inference) {
        this.module = module;
        this.inference = inference;
        try (NativeLifetime.Use use = module.use()) {
            this.prepared = module.method(method).prepare(args, inference);
        }
    }

    /** True when the calls run under InferenceMode (grad off). */
    public boolean inference() {
        return inference;
    }

    /**
     * Enters this call's mode on the current thread until closed (a module use and, for inference, the InferenceMode
     * guard), so each {@link #invoke} on this thread is the bare method call: what {@code Runner.onCallerThread} is
     * for. Close on the same thread.
     */
    public AutoCloseable enterThread() {
        NativeLifetime.Use use = module.use();
        AutoCloseable mode;
        try {
            mode = prepared.enterThread();
        } catch (RuntimeException e) {
            use.close();
            throw e;
        }
        PreparedCall outer = ENTERED.get();
        ENTERED.set(this);
        return () -> {
            ENTERED.set(outer);
            try {
                mode.close();
            } finally {
                use.close();
            }
        };
    }

    /** One call. The result holds LibTorch's value until closed or converted. */
    public Result invoke() {
        if (ENTERED.get() == this) return new Result(prepared.invokeEntered());
        try (NativeLifetime.Use use = module.use()) {
            return new Result(prepared.invoke());
        }
    }

    @Override
    public void close() {
        prepared.close();
    }

    /** What one call returned, still native. */
    public static final class Result implements AutoCloseable {
        private final NativeCallable.Result value;

        private Result(NativeCallable.Result value) {
            this.value = value;
        }

        /** The result as {@link ScriptModule#call} returns it (tensors owned by the caller); closes this. */
        public Object toJava() {
            return value.toJava();
        }

        @Override
        public void close() {
            value.close();
        }
    }
}
