package io.tsstudio.engine.nn;

import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.Tensor;

/** PyTorch's default initialisations (kaiming_uniform with a=sqrt(5) for weights, its fan-in bound for biases). */
final class Init {
    private Init() {
    }

    /** U(-bound, bound) of the given shape, made under no-grad. */
    static Tensor uniform(double bound, long... shape) {
        try (NoGrad g = NoGrad.enter()) {
            return Tensor.zeros(shape).uniform_(-bound, bound);
        }
    }

    /** kaiming_uniform_(a = sqrt(5)) reduces to U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    static Tensor kaimingUniform(long fanIn, long... shape) {
        return uniform(fanIn > 0 ? 1.0 / Math.sqrt(fanIn) : 0, shape);
    }

    static Tensor normal(long... shape) {
        try (NoGrad g = NoGrad.enter()) {
            return Tensor.zeros(shape).normal_(0, 1);
        }
    }
}
