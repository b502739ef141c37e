package io.tsstudio.engine.internal.torch;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Tensor;

/**
 * The baseline for the call-overhead benchmark: the least a JavaCPP user must write to call {@code forward} on one
 * tensor without leaking (a scope, the argument vector, the call, keeping the output). Not used by the engine.
 */
public final class RawCalls {
    private RawCalls() {
    }

    /** {@code module.forward(x)} straight through JavaCPP; the output is owned by the caller. */
    public static NativeTensor forward(NativeModule module, NativeTensor input) {
        try (NativeLifetime.Use use = module.use(); PointerScope scope = new PointerScope()) {
            Tensor out = module.get().forward(new IValueVector(new IValue(input.share()))).toTensor();
            return NativeTensor.own(out);
        }
    }

    /** As {@link #forward} with an InferenceMode guard, which is what the engine does for a module in eval mode. */
    public static NativeTensor forwardInferenceMode(NativeModule module, NativeTensor input) {
        try (NativeLifetime.Use use = module.use(); PointerScope scope = new PointerScope()) {
            InferenceMode guard = new InferenceMode();
            try {
                Tensor out = module.get().forward(new IValueVector(new IValue(input.share()))).toTensor();
                return NativeTensor.own(out);
            } finally {
                guard.close();
            }
        }
    }

    /**
     * The raw timed loop a JavaCPP user would write: the argument vector built once, the InferenceMode guard (when
     * asked) held around the whole loop, each call's latency read with {@code System.nanoTime} and its result freed.
     */
    public static long[] timedForwardLoop(NativeModule module, NativeTensor input, int calls, boolean inference) {
        long[] latencies = new long[calls];
        try (NativeLifetime.Use use = module.use(); PointerScope scope = new PointerScope()) {
            org.bytedeco.pytorch.JitModule m = module.get();
            IValueVector in = new IValueVector(new IValue(input.share()));
            InferenceMode guard = inference ? new InferenceMode() : null;
            try {
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    IValue out = m.forward(in);
                    latencies[i] = System.nanoTime() - t0;
                    out.deallocate();
                }
            } finally {
                if (guard != null) guard.close();
            }
        }
        return latencies;
    }
}
