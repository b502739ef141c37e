package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.Dispatcher;
import io.tsstudio.engine.internal.torch.NativeTensor;

import java.util.Arrays;
import java.util.List;

/**
 * Makes new tensors: from Java arrays (a copy), filled ({@code zeros}, {@code randn}, {@code arange}, ...) and from
 * other tensors ({@code cat}, {@code stack}, {@code where}); the counterpart of PyTorch's {@code torch.*} creation
 * functions. The filled and combined ones go through the dispatcher like every {@link Tensor} method, so they are
 * recorded when a trace is active. Results are new tensors owned by the caller.
 */
public final class Tensors {
    private Tensors() {
    }

    // ---- from Java arrays ----

    public static Tensor of(float[] data, long... shape) {
        return Tensor.wrap(NativeTensor.fromFloats(data, checkShape(data.length, shape)));
    }

    public static Tensor of(double[] data, long... shape) {
        return Tensor.wrap(NativeTensor.fromDoubles(data, checkShape(data.length, shape)));
    }

    public static Tensor of(long[] data, long... shape) {
        return Tensor.wrap(NativeTensor.fromLongs(data, checkShape(data.length, shape)));
    }

    public static Tensor of(int[] data, long... shape) {
        return Tensor.wrap(NativeTensor.fromInts(data, checkShape(data.length, shape)));
    }

    public static Tensor of(boolean[] data, long... shape) {
        return Tensor.wrap(NativeTensor.fromBooleans(data, checkShape(data.length, shape)));
    }

    /** A 0-dimensional float32 tensor. */
    public static Tensor scalar(float value) {
        return of(new float[] {value});
    }

    private static long[] checkShape(int length, long[] shape) {
        if (shape.length == 0 && length != 1) return new long[] {length};
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " elements but " + length + " values were given");
        }
        return shape;
    }

    // ---- filled ----

    public static Tensor zeros(long... shape) {
        return op("aten::zeros", (Object) shape);
    }

    public static Tensor zeros(long[] shape, DType dtype) {
        return op("aten::zeros", shape, dtype);
    }

    public static Tensor ones(long... shape) {
        return op("aten::ones", (Object) shape);
    }

    public static Tensor ones(long[] shape, DType dtype) {
        return op("aten::ones", shape, dtype);
    }

    /** Uniform on [0, 1). */
    public static Tensor rand(long... shape) {
        return op("aten::rand", (Object) shape);
    }

    /** Standard normal. */
    public static Tensor randn(long... shape) {
        return op("aten::randn", (Object) shape);
    }

    public static Tensor full(long[] shape, double value) {
        return op("aten::full", shape, value);
    }

    /** 0, 1, ..., end-1 as int64. */
    public static Tensor arange(long end) {
        return op("aten::arange", end);
    }

    public static Tensor arange(double start, double end, double step) {
        return op("aten::arange.start_step", start, end, step);
    }

    public static Tensor eye(long n) {
        return op("aten::eye", n);
    }

    // ---- from other tensors ----

    public static Tensor cat(List<Tensor> tensors, long dim) {
        return op("aten::cat", tensors, dim);
    }

    public static Tensor stack(List<Tensor> tensors, long dim) {
        return op("aten::stack", tensors, dim);
    }

    /** Elementwise {@code condition ? x : y}. */
    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        return op("aten::where.self", condition, x, y);
    }

    private static Tensor op(String name, Object... args) {
        return (Tensor) Dispatcher.call(name, args);
    }
}
