package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** Logistic sigmoid, elementwise. */
public class Sigmoid extends Module {
    public Tensor forward(Tensor x) {
        return Functional.sigmoid(x);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
