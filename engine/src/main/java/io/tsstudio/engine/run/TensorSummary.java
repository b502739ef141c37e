package io.tsstudio.engine.run;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.values.TensorStats;

import java.util.Arrays;

/**
 * What the run panel shows of one tensor: shape, dtype, device, statistics over all values, a histogram of the
 * finite values, and the first {@code values.length} values (row-major) for the values table.
 *
 * <p>The statistics are {@link TensorStats}'s: over the finite values, NaN and infinities counted separately.
 */
public record TensorSummary(long[] shape, String dtype, String device, long numel,
                            double min, double max, double mean, double std, long nanCount, long infCount,
                            long[] histogram, double[] values) {
    public static final int DEFAULT_BINS = 40;

    public TensorSummary {
        shape = shape.clone();
        histogram = histogram.clone();
        values = values.clone();
    }

    /** True when {@link #values()} holds fewer values than the tensor. */
    public boolean truncated() {
        return values.length < numel;
    }

    /** Summarizes {@code t}, keeping at most {@code maxValues} values. */
    public static TensorSummary of(Tensor t, int maxValues) {
        DType dt = t.dtype();
        if (dt == DType.COMPLEX64 || dt == DType.COMPLEX128) {
            return new TensorSummary(t.shape(), dt.jsonName(), t.device().toString(), t.numel(),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, new long[0], new double[0]);
        }
        double[] all = dt == DType.BOOL ? booleansAsDoubles(t.toBooleanArray()) : t.toDoubleArray();
        return of(t.shape(), dt.jsonName(), t.device().toString(), all, maxValues);
    }

    public static TensorSummary of(long[] shape, String dtype, String device, double[] all, int maxValues) {
        TensorStats st = TensorStats.of(all);
        long[] hist = histogram(all, st.min(), st.max(), st.finiteCount() > 0 ? DEFAULT_BINS : 0);
        double[] kept = all.length <= maxValues ? all : Arrays.copyOf(all, maxValues);
        return new TensorSummary(shape, dtype, device, all.length, st.min(), st.max(), st.mean(), st.std(),
                st.nanCount(), st.infCount(), hist, kept);
    }

    /** Counts of finite values in equal-width bins over [min, max]; the last bin includes max. */
    static long[] histogram(double[] values, double min, double max, int bins) {
        long[] counts = new long[bins];
        if (bins == 0) return counts;
        double width = (max - min) / bins;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            int b = width == 0 ? 0 : (int) ((v - min) / width);
            counts[Math.min(Math.max(b, 0), bins - 1)]++;
        }
        return counts;
    }

    private static double[] booleansAsDoubles(boolean[] b) {
        double[] d = new double[b.length];
        for (int i = 0; i < b.length; i++) d[i] = b[i] ? 1 : 0;
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSummary s && Arrays.equals(shape, s.shape) && dtype.equals(s.dtype)
                && device.equals(s.device) && numel == s.numel && Double.compare(min, s.min) == 0
                && Double.compare(max, s.max) == 0 && Double.compare(mean, s.mean) == 0
                && Double.compare(std, s.std) == 0 && nanCount == s.nanCount && infCount == s.infCount
                && Arrays.equals(histogram, s.histogram) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TensorSummary(shape=" + Arrays.toString(shape) + ", dtype=" + dtype + ", device=" + device + ", min=" + min
                + ", max=" + max + ", mean=" + mean + ", std=" + std + ", nan=" + nanCount + ", inf=" + infCount + ")";
    }
}
