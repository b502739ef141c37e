package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** Zeroes elements with probability p in train mode (scaling the rest by 1/(1-p)); the identity in eval mode. */
public class Dropout extends Module {
    private final double p;

    public Dropout() {
        this(0.5);
    }

    public Dropout(double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability must be in [0, 1], got " + p);
        this.p = p;
    }

    public Tensor forward(Tensor x) {
        return Functional.dropout(x, p, isTraining());
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
