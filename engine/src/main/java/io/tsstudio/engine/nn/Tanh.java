package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** Hyperbolic tangent, elementwise. */
public class Tanh extends Module {
    public Tensor forward(Tensor x) {
        return Functional.tanh(x);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
