package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

import java.util.Locale;

/**
 * Builds input tensors for calls made from data (JSON arguments, the run panel) and summarises results. Deliberately
 * outside {@link Tensor}'s op dispatch: making inputs is not part of any traced computation.
 */
public final class TensorMaker {
    /** The fills a tensor can be made with. */
    public enum Fill { ZEROS, ONES, RAND, RANDN, ARANGE;
        public static Fill parse(String name) {
            for (Fill f : values()) if (f.name().equalsIgnoreCase(name)) return f;
            throw new IllegalArgumentException("unknown fill '" + name + "' (expected zeros, ones, rand, randn or arange)");
        }

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private TensorMaker() {
    }

    /** A tensor of that shape, filled as asked, made directly in dtype on device. */
    public static Tensor filled(long[] shape, Fill fill, DType dtype, Device device) {
        Runtime.ensureLoaded();
        long numel = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension " + d + " in shape");
            numel = Math.multiplyExact(numel, d);
        }
        if ((fill == Fill.RAND || fill == Fill.RANDN) && !dtype.isFloatingPoint()) {
            throw new IllegalArgumentException(fill.jsonName() + " needs a floating-point dtype, not " + dtype);
        }
        try (PointerScope s = new PointerScope()) {
            TensorOptions o = options(dtype, device);
            org.bytedeco.pytorch.Tensor t;
            switch (fill) {
                case ZEROS: t = torch.zeros(shape, o); break;
                case ONES: t = torch.ones(shape, o); break;
                case RAND: t = torch.rand(shape, o); break;
                case RANDN: t = torch.randn(shape, o); break;
                case ARANGE: t = torch.arange(new Scalar(numel), o).reshape(shape); break;
                default: throw new IllegalStateException(fill.toString());
            }
            return Handles.wrap(NativeTensor.own(t));
        } catch (RuntimeException e) {
            throw new TorchException("cannot make a " + fill.jsonName() + " tensor of " + dtype + " on " + device + ": " + firstLine(e), e);
        }
    }

    /** The tensor converted to dtype and moved to device; the input is left as it is (the caller still owns it). */
    public static Tensor convert(Tensor t, DType dtype, Device device) {
        try (PointerScope s = new PointerScope()) {
            org.bytedeco.pytorch.Tensor out = Handles.of(t).share().to(nativeDevice(device), Dtypes.toScalarType(dtype));
            return Handles.wrap(NativeTensor.own(out));
        } catch (RuntimeException e) {
            throw new TorchException("cannot convert a tensor to " + dtype + " on " + device + ": " + firstLine(e), e);
        }
    }

    /**
     * The statistics of {@code io.tsstudio.engine.values.TensorStats}, computed in LibTorch (no copy of the data to
     * Java): finite count, min, max, mean and sample std of the finite values, then the NaN and infinity counts; null
     * for an empty tensor or a complex one.
     */
    public static double[] stats(Tensor t) {
        if (t.numel() == 0 || t.dtype() == DType.COMPLEX64 || t.dtype() == DType.COMPLEX128) return null;
        try (PointerScope s = new PointerScope()) {
            org.bytedeco.pytorch.Tensor d = Handles.of(t).share().to(torch.ScalarType.Double);
            long nan = torch.isnan(d).sum().item_long();
            long inf = torch.isinf(d).sum().item_long();
            org.bytedeco.pytorch.Tensor finite = nan + inf == 0 ? d : d.masked_select(torch.isfinite(d));
            long n = finite.numel();
            if (n == 0) return new double[] {0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, nan, inf};
            double std = n > 1 ? finite.std().item_double() : 0;
            return new double[] {n, finite.min().item_double(), finite.max().item_double(), finite.mean().item_double(),
                std, nan, inf};
        }
    }

    private static TensorOptions options(DType dtype, Device device) {
        return new TensorOptions().dtype(new ScalarTypeOptional(Dtypes.toScalarType(dtype))).device(new DeviceOptional(nativeDevice(device)));
    }

    private static org.bytedeco.pytorch.Device nativeDevice(Device device) {
        return new org.bytedeco.pytorch.Device(device.toString());
    }

    /** First line of a native error (LibTorch appends C++ backtraces). */
    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
