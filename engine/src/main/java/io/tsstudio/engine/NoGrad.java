package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.GradMode;

/**
 * Gradient recording off for a block: {@code try (NoGrad g = NoGrad.enter()) { ... }}. Close it on the thread that
 * opened it.
 */
public final class NoGrad implements AutoCloseable {
    private final AutoCloseable guard;

    private NoGrad(AutoCloseable guard) {
        this.guard = guard;
    }

    public static NoGrad enter() {
        return new NoGrad(GradMode.noGrad());
    }

    @Override
    public void close() {
        try {
            guard.close();
        } catch (Exception e) {
            throw new TorchException("could not restore the gradient mode", e);
        }
    }
}
