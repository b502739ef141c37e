package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** Softmax along a dimension. */
public class Softmax extends Module {
    private final long dim;

    public Softmax(long dim) {
        this.dim = dim;
    }

    public Tensor forward(Tensor x) {
        return Functional.softmax(x, dim);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
