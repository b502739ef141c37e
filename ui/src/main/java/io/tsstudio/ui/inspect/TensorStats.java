package io.tsstudio.ui.inspect;

import java.util.Arrays;
import java.util.Locale;

/** Statistics of a tensor's values and its first few values, for the inspector's tensor pane. */
public record TensorStats(long count, double min, double max, double mean, double std, double[] firstValues) {
    public static final int FIRST_VALUES = 16;

    public TensorStats {
        firstValues = firstValues.clone();
    }

    /** Computes the statistics in one pass (Welford's method, stable for large tensors). */
    public static TensorStats of(double[] values) {
        int n = values.length;
        if (n == 0) return new TensorStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new double[0]);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (v < min) min = v;
            if (v > max) max = v;
            double delta = v - mean;
            mean += delta / (i + 1);
            m2 += delta * (v - mean);
        }
        // Sample standard deviation, as torch.std computes by default.
        double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
        return new TensorStats(n, min, max, mean, std, Arrays.copyOf(values, Math.min(n, FIRST_VALUES)));
    }

    @Override
    public double[] firstValues() {
        return firstValues.clone();
    }

    public String describe() {
        return String.format(Locale.ROOT, "min %.6g   max %.6g%nmean %.6g   std %.6g", min, max, mean, std);
    }

    public String firstValuesText() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < firstValues.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(String.format(Locale.ROOT, "%.6g", firstValues[i]));
        }
        if (count > firstValues.length) sb.append(", \u2026");
        return sb.append(']').toString();
    }
}
