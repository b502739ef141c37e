package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** Log-softmax along a dimension. */
public class LogSoftmax extends Module {
    private final long dim;

    public LogSoftmax(long dim) {
        this.dim = dim;
    }

    public Tensor forward(Tensor x) {
        return Functional.logSoftmax(x, dim);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
