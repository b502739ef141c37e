package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** A lookup table: row i of weight (num, dim) for index i; weight initialised N(0, 1). */
public class Embedding extends Module {
    public final Tensor weight;

    public Embedding(long num, long dim) {
        weight = registerParameter("weight", Init.normal(num, dim));
    }

    public Tensor forward(Tensor indices) {
        return Functional.embedding(weight, indices);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
