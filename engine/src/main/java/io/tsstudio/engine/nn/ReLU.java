package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** max(x, 0), elementwise. */
public class ReLU extends Module {
    public Tensor forward(Tensor x) {
        return Functional.relu(x);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
