package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.NativeTensor;

import java.util.Arrays;

/**
 * An engine-owned tensor. Close it (or let its owner close it) to free native memory at once; closing twice is
 * harmless. Values cross into Java only through explicit copies ({@link #toFloatArray()} and friends).
 */
public final class Tensor implements AutoCloseable {
    private final NativeTensor handle;

    private Tensor(NativeTensor handle) {
        this.handle = handle;
    }

    /** Wraps a native handle; engine-internal code only. */
    public static Tensor wrap(NativeTensor handle) {
        return new Tensor(handle);
    }

    /** The native handle; engine-internal code only. */
    public NativeTensor nativeHandle() {
        return handle;
    }

    // ---- creation ----

    public static Tensor of(float[] data, long... shape) {
        return new Tensor(NativeTensor.fromFloats(data, checkShape(data.length, shape)));
    }

    public static Tensor of(double[] data, long... shape) {
        return new Tensor(NativeTensor.fromDoubles(data, checkShape(data.length, shape)));
    }

    public static Tensor of(long[] data, long... shape) {
        return new Tensor(NativeTensor.fromLongs(data, checkShape(data.length, shape)));
    }

    public static Tensor of(int[] data, long... shape) {
        return new Tensor(NativeTensor.fromInts(data, checkShape(data.length, shape)));
    }

    public static Tensor of(boolean[] data, long... shape) {
        return new Tensor(NativeTensor.fromBooleans(data, checkShape(data.length, shape)));
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

    // ---- metadata ----

    public long[] shape() {
        return handle.shape();
    }

    public int dim() {
        return shape().length;
    }

    public long numel() {
        return handle.numel();
    }

    public DType dtype() {
        return handle.dtype();
    }

    public Device device() {
        return handle.device();
    }

    public boolean requiresGrad() {
        return handle.requiresGrad();
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    // ---- values out ----

    public float[] toFloatArray() {
        return handle.toFloats();
    }

    public double[] toDoubleArray() {
        return handle.toDoubles();
    }

    public long[] toLongArray() {
        return handle.toLongs();
    }

    public int[] toIntArray() {
        return handle.toInts();
    }

    public boolean[] toBooleanArray() {
        return handle.toBooleans();
    }

    /** The single value of a one-element tensor, as a double. */
    public double item() {
        if (numel() != 1) throw new TorchException("item() needs a one-element tensor, this one has shape " + Arrays.toString(shape()));
        return toDoubleArray()[0];
    }

    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        if (isClosed()) return "Tensor(closed)";
        return "Tensor(shape=" + Arrays.toString(shape()) + ", dtype=" + dtype() + ", device=" + device() + ")";
    }
}
