package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;

/** Layer normalisation over the trailing {@code normalizedShape}; weight ones, bias zeros. */
public class LayerNorm extends Module {
    public final Tensor weight;
    public final Tensor bias;
    private final long[] normalizedShape;
    private final double eps;

    public LayerNorm(long... normalizedShape) {
        this(normalizedShape, 1e-5);
    }

    public LayerNorm(long[] normalizedShape, double eps) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        weight = registerParameter("weight", Tensors.ones(normalizedShape));
        bias = registerParameter("bias", Tensors.zeros(normalizedShape));
    }

    public Tensor forward(Tensor x) {
        return Functional.layerNorm(x, normalizedShape, weight, bias, eps);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
