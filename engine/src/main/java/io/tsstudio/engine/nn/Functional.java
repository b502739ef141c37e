package io.tsstudio.engine.nn;

import io.tsstudio.engine.Ops;
import io.tsstudio.engine.Tensor;

/**
 * The layers' functions, as PyTorch's {@code torch.nn.functional}: linear maps, convolution, pooling, normalisation,
 * dropout, embedding and activations. Plain operators through {@link Ops#call}, so they are recorded when a trace is active;
 * results are new tensors owned by the caller.
 */
public final class Functional {
    private Functional() {
    }

    /** {@code input @ weight^T + bias}; bias may be null. */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return op("aten::linear", input, weight, bias);
    }

    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, long stride, long padding, long dilation, long groups) {
        return op("aten::conv1d", input, weight, bias, new long[] {stride}, new long[] {padding}, new long[] {dilation}, groups);
    }

    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation, long groups) {
        return op("aten::conv2d", input, weight, bias, stride, padding, dilation, groups);
    }

    /** Stride 1, no padding, no dilation, one group. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return op("aten::conv2d", input, weight, bias);
    }

    public static Tensor maxPool2d(Tensor input, long[] kernel, long[] stride, long[] padding) {
        return op("aten::max_pool2d", input, kernel, stride, padding);
    }

    /** A square kernel, stride = kernel. */
    public static Tensor maxPool2d(Tensor input, long kernel) {
        return op("aten::max_pool2d", input, new long[] {kernel, kernel});
    }

    public static Tensor avgPool2d(Tensor input, long[] kernel, long[] stride, long[] padding) {
        return op("aten::avg_pool2d", input, kernel, stride, padding);
    }

    /** A square kernel, stride = kernel. */
    public static Tensor avgPool2d(Tensor input, long kernel) {
        return op("aten::avg_pool2d", input, new long[] {kernel, kernel});
    }

    public static Tensor batchNorm(Tensor input, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
                                   boolean training, double momentum, double eps) {
        return op("aten::batch_norm", input, weight, bias, runningMean, runningVar, training, momentum, eps, true);
    }

    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return op("aten::layer_norm", input, normalizedShape, weight, bias, eps);
    }

    /** Zeroes elements with probability {@code p} and scales the rest by 1/(1-p) when {@code train}; else the input. */
    public static Tensor dropout(Tensor input, double p, boolean train) {
        return op("aten::dropout", input, p, train);
    }

    /** Rows of {@code weight} picked by the integer tensor {@code indices}. */
    public static Tensor embedding(Tensor weight, Tensor indices) {
        return op("aten::embedding", weight, indices);
    }

    public static Tensor relu(Tensor input) {
        return op("aten::relu", input);
    }

    public static Tensor gelu(Tensor input) {
        return op("aten::gelu", input);
    }

    public static Tensor silu(Tensor input) {
        return op("aten::silu", input);
    }

    public static Tensor sigmoid(Tensor input) {
        return op("aten::sigmoid", input);
    }

    public static Tensor tanh(Tensor input) {
        return op("aten::tanh", input);
    }

    public static Tensor softmax(Tensor input, long dim) {
        return op("aten::softmax.int", input, dim);
    }

    public static Tensor logSoftmax(Tensor input, long dim) {
        return op("aten::log_softmax.int", input, dim);
    }

    private static Tensor op(String name, Object... args) {
        return (Tensor) Ops.call(name, args);
    }
}
