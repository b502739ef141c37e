package io.tsstudio.engine.internal.torch;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.global.torch;

/** Autograd mode switches and the global seed. */
public final class GradMode {
    private GradMode() {
    }

    /** Disables gradient recording on this thread until the returned guard is closed (on the same thread). */
    public static AutoCloseable noGrad() {
        Runtime.ensureLoaded();
        NoGradGuard guard = new NoGradGuard();
        return guard::close;
    }

    public static void manualSeed(long seed) {
        Runtime.ensureLoaded();
        torch.manual_seed(seed);
    }
}
