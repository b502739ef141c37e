package io.tsstudio.engine.values;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.internal.torch.TensorMaker;

import java.util.Optional;

/**
 * Statistics of a tensor's values, the one definition the CLI, the run panel and the inspector share: min, max, mean
 * and std (the sample standard deviation, as {@code torch.std}) over the finite values, with NaN and infinite values
 * counted separately. min, max, mean and std are NaN when no value is finite; std is 0 for a single finite value.
 */
public record TensorStats(long finiteCount, double min, double max, double mean, double std, long nanCount, long infCount) {
    /** All values, finite or not. */
    public long count() {
        return finiteCount + nanCount + infCount;
    }

    /** Computed in LibTorch without copying the data out; empty for a tensor without elements or with complex ones. */
    public static Optional<TensorStats> of(Tensor t) {
        double[] s = TensorMaker.stats(t);
        return s == null ? Optional.empty()
                : Optional.of(new TensorStats((long) s[0], s[1], s[2], s[3], s[4], (long) s[5], (long) s[6]));
    }

    /** Computed in one pass (Welford's method, stable for large arrays). */
    public static TensorStats of(double[] values) {
        long finite = 0, nan = 0, inf = 0;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, mean = 0, m2 = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                nan++;
            } else if (Double.isInfinite(v)) {
                inf++;
            } else {
                finite++;
                if (v < min) min = v;
                if (v > max) max = v;
                double delta = v - mean;
                mean += delta / finite;
                m2 += delta * (v - mean);
            }
        }
        if (finite == 0) return new TensorStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, nan, inf);
        return new TensorStats(finite, min, max, mean, finite > 1 ? Math.sqrt(m2 / (finite - 1)) : 0, nan, inf);
    }
}
