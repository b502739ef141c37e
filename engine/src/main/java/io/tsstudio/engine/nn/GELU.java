package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** Gaussian error linear unit (exact form). */
public class GELU extends Module {
    public Tensor forward(Tensor x) {
        return Functional.gelu(x);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
