package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** {@code y = x W^T + b}; weight (out, in) and bias (out) initialised as PyTorch does. */
public class Linear extends Module {
    public final Tensor weight;
    public final Tensor bias;

    public Linear(long in, long out) {
        this(in, out, true);
    }

    public Linear(long in, long out, boolean withBias) {
        weight = registerParameter("weight", Init.kaimingUniform(in, out, in));
        bias = withBias ? registerParameter("bias", Init.kaimingUniform(in, out)) : null;
    }

    public Tensor forward(Tensor x) {
        return Functional.linear(x, weight, bias);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
