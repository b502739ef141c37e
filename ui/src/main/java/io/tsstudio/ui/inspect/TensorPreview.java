package io.tsstudio.ui.inspect;

import io.tsstudio.engine.values.TensorStats;

import java.util.Arrays;
import java.util.Locale;

/** What the inspector's tensor pane shows: the tensor's statistics (the engine's one definition) and its first values. */
public record TensorPreview(TensorStats stats, double[] firstValues) {
    public static final int FIRST_VALUES = 16;

    public TensorPreview {
        firstValues = firstValues.clone();
    }

    public static TensorPreview of(double[] values) {
        return new TensorPreview(TensorStats.of(values), Arrays.copyOf(values, Math.min(values.length, FIRST_VALUES)));
    }

    @Override
    public double[] firstValues() {
        return firstValues.clone();
    }

    public String describe() {
        String text = String.format(Locale.ROOT, "min %.6g   max %.6g%nmean %.6g   std %.6g",
                stats.min(), stats.max(), stats.mean(), stats.std());
        if (stats.nanCount() + stats.infCount() == 0) return text;
        return text + String.format(Locale.ROOT, "%nNaN %d   inf %d (not in the figures above)", stats.nanCount(), stats.infCount());
    }

    public String firstValuesText() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < firstValues.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(String.format(Locale.ROOT, "%.6g", firstValues[i]));
        }
        if (stats.count() > firstValues.length) sb.append(", \u2026");
        return sb.append(']').toString();
    }
}
