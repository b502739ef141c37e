package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.BoolPointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;


/**
 * Sole owner of one native {@code at::Tensor}. The public {@link io.tsstudio.engine.Tensor} holds one of these;
 * nothing outside this package sees the JavaCPP type.
 */
public final class NativeTensor implements AutoCloseable {
    private final Tensor tensor;
    private final NativeLifetime life = new NativeLifetime(() -> "tensor");

    private NativeTensor(Tensor tensor) {
        this.tensor = tensor;
    }

    /**
     * Takes ownership of {@code t}. One reference is retained for this owner, so an enclosing {@link PointerScope}
     * releasing its own reference leaves the tensor alive until {@link #close()}.
     */
    public static NativeTensor own(Tensor t) {
        // Copy the handle first: tensors read out of IValues or named lists are references into their container,
        // which the scope frees; the copy shares the tensor (refcount) and is owned by Java.
        Tensor copy = new Tensor(t);
        copy.retainReference();
        return new NativeTensor(copy);
    }

    /** The native tensor, valid until {@link #close()}. Callers must not close or retain it. */
    public Tensor get() {
        life.requireOpen();
        return tensor;
    }

    /**
     * A new handle on the same tensor, made while this owner cannot be freed: what an op puts on its stack. It holds
     * its own native reference (released with the caller's PointerScope, or by the GC), so closing this owner
     * meanwhile does not free the tensor under the op.
     */
    public Tensor share() {
        try (NativeLifetime.Use use = life.enter()) {
            return new Tensor(tensor);
        }
    }

    public boolean isClosed() {
        return life.isClosed();
    }

    /** Later uses fail; the tensor is released when the uses in flight have ended. */
    @Override
    public void close() {
        life.close(tensor::releaseReference);
    }

    // ---- creation from Java arrays (copies) ----

    /** TensorOptions(ScalarType) yields uint8 in these presets; set the dtype through the optional instead. */
    static TensorOptions options(torch.ScalarType type) {
        return new TensorOptions().dtype(new org.bytedeco.pytorch.ScalarTypeOptional(type));
    }

    public static NativeTensor fromFloats(float[] data, long[] shape) {
        try (PointerScope s = new PointerScope()) {
            Tensor t = torch.empty(shape, options(torch.ScalarType.Float), null);
            if (data.length > 0) t.data_ptr_float().put(data); // an empty tensor has a null data pointer
            return own(t);
        }
    }

    public static NativeTensor fromDoubles(double[] data, long[] shape) {
        try (PointerScope s = new PointerScope()) {
            Tensor t = torch.empty(shape, options(torch.ScalarType.Double), null);
            if (data.length > 0) t.data_ptr_double().put(data); // an empty tensor has a null data pointer
            return own(t);
        }
    }

    public static NativeTensor fromLongs(long[] data, long[] shape) {
        try (PointerScope s = new PointerScope()) {
            Tensor t = torch.empty(shape, options(torch.ScalarType.Long), null);
            if (data.length > 0) t.data_ptr_long().put(data); // an empty tensor has a null data pointer
            return own(t);
        }
    }

    public static NativeTensor fromInts(int[] data, long[] shape) {
        try (PointerScope s = new PointerScope()) {
            Tensor t = torch.empty(shape, options(torch.ScalarType.Int), null);
            if (data.length > 0) t.data_ptr_int().put(data); // an empty tensor has a null data pointer
            return own(t);
        }
    }

    public static NativeTensor fromBooleans(boolean[] data, long[] shape) {
        try (PointerScope s = new PointerScope()) {
            Tensor t = torch.empty(shape, options(torch.ScalarType.Bool), null);
            BoolPointer p = data.length > 0 ? t.data_ptr_bool() : null;
            for (int i = 0; i < data.length; i++) p.put(i, data[i]);
            return own(t);
        }
    }

    // ---- metadata ----

    public long[] shape() {
        try (NativeLifetime.Use use = life.enter()) {
            return shapeOf(tensor);
        }
    }

    static long[] shapeOf(Tensor t) {
        try (PointerScope s = new PointerScope()) {
            org.bytedeco.pytorch.LongArrayRef sizes = t.sizes();
            long[] out = new long[(int) sizes.size()];
            for (int i = 0; i < out.length; i++) out[i] = sizes.get(i);
            return out;
        }
    }

    public long numel() {
        try (NativeLifetime.Use use = life.enter()) {
            return tensor.numel();
        }
    }

    public DType dtype() {
        try (NativeLifetime.Use use = life.enter()) {
            return Dtypes.fromScalarType(tensor.scalar_type());
        }
    }

    public Device device() {
        try (NativeLifetime.Use use = life.enter()) {
            return deviceOf(tensor);
        }
    }

    static Device deviceOf(Tensor t) {
        try (PointerScope s = new PointerScope()) {
            org.bytedeco.pytorch.Device d = t.device();
            String type = d.is_cuda() ? "cuda" : d.type().intern().toString().toLowerCase(java.util.Locale.ROOT);
            return d.is_cuda() ? Device.cuda(d.has_index() ? d.index() : 0) : new Device(type, -1);
        }
    }

    public boolean requiresGrad() {
        try (NativeLifetime.Use use = life.enter()) {
            return tensor.requires_grad();
        }
    }

    // ---- values out (always through a contiguous CPU copy in the target type) ----

    private Tensor cpuContiguous(torch.ScalarType type) {
        return tensor.to(new org.bytedeco.pytorch.Device("cpu"), type).contiguous();
    }

    public float[] toFloats() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                Tensor c = cpuContiguous(torch.ScalarType.Float);
                float[] out = new float[(int) c.numel()];
                if (out.length == 0) return out;
                FloatPointer p = c.data_ptr_float();
                p.get(out);
                return out;
            }
        }
    }

    public double[] toDoubles() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                Tensor c = cpuContiguous(torch.ScalarType.Double);
                double[] out = new double[(int) c.numel()];
                if (out.length == 0) return out;
                DoublePointer p = c.data_ptr_double();
                p.get(out);
                return out;
            }
        }
    }

    public long[] toLongs() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                Tensor c = cpuContiguous(torch.ScalarType.Long);
                long[] out = new long[(int) c.numel()];
                if (out.length == 0) return out;
                LongPointer p = c.data_ptr_long();
                p.get(out);
                return out;
            }
        }
    }

    public int[] toInts() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                Tensor c = cpuContiguous(torch.ScalarType.Int);
                int[] out = new int[(int) c.numel()];
                if (out.length == 0) return out;
                IntPointer p = c.data_ptr_int();
                p.get(out);
                return out;
            }
        }
    }

    public boolean[] toBooleans() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                Tensor c = cpuContiguous(torch.ScalarType.Bool);
                boolean[] out = new boolean[(int) c.numel()];
                if (out.length == 0) return out;
                BoolPointer p = c.data_ptr_bool();
                for (int i = 0; i < out.length; i++) out[i] = p.get(i);
                return out;
            }
        }
    }
}
