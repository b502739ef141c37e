package io.tsstudio.engine.nn;

import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.Ops;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;

/**
 * Initialisers that overwrite a tensor in place, as PyTorch's {@code torch.nn.init} ({@code uniform_},
 * {@code normal_}, {@code zeros_}, {@code constant_}; each returns its tensor), and the layers' default
 * initialisations (kaiming_uniform with a=sqrt(5) for weights, its fan-in bound for biases).
 */
public final class Init {
    private Init() {
    }

    /** Fills with U(from, to); returns the tensor. */
    public static Tensor uniform_(Tensor tensor, double from, double to) {
        return inPlace("aten::uniform_", tensor, from, to);
    }

    /** Fills with N(mean, std²); returns the tensor. */
    public static Tensor normal_(Tensor tensor, double mean, double std) {
        return inPlace("aten::normal_", tensor, mean, std);
    }

    /** Fills with zeros; returns the tensor. */
    public static Tensor zeros_(Tensor tensor) {
        return inPlace("aten::zero_", tensor);
    }

    /** Fills with {@code value}; returns the tensor. */
    public static Tensor constant_(Tensor tensor, double value) {
        return inPlace("aten::fill_.Scalar", tensor, value);
    }

    private static Tensor inPlace(String op, Tensor tensor, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = tensor;
        System.arraycopy(args, 0, all, 1, args.length);
        Ops.call(op, all);
        return tensor;
    }

    /** U(-bound, bound) of the given shape, made under no-grad. */
    static Tensor uniform(double bound, long... shape) {
        try (NoGrad g = NoGrad.enter()) {
            return uniform_(Tensors.zeros(shape), -bound, bound);
        }
    }

    /** kaiming_uniform_(a = sqrt(5)) reduces to U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    static Tensor kaimingUniform(long fanIn, long... shape) {
        return uniform(fanIn > 0 ? 1.0 / Math.sqrt(fanIn) : 0, shape);
    }

    static Tensor normal(long... shape) {
        try (NoGrad g = NoGrad.enter()) {
            return normal_(Tensors.zeros(shape), 0, 1);
        }
    }
}
