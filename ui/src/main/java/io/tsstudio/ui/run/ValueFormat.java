package io.tsstudio.ui.run;

import java.util.Locale;

/** How the outputs view writes numbers: integers as integers, floats with six significant digits. */
public final class ValueFormat {
    private ValueFormat() {
    }

    public static String value(double v, String dtype) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (dtype.equals("bool")) return v != 0 ? "True" : "False";
        if (dtype.startsWith("int") || dtype.startsWith("uint")) return Long.toString((long) v);
        return number(v);
    }

    public static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        return String.format(Locale.ROOT, "%.4e", v);
    }

    /** The row-major index of flat position {@code flat} in a tensor of {@code shape}, as {@code [i, j, k]}. */
    public static String index(long flat, long[] shape) {
        if (shape.length == 0) return "[]";
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            long n = Math.max(shape[d], 1);
            idx[d] = flat % n;
            flat /= n;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int d = 0; d < idx.length; d++) sb.append(d == 0 ? "" : ", ").append(idx[d]);
        return sb.append(']').toString();
    }

    public static String shape(long[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int d = 0; d < shape.length; d++) sb.append(d == 0 ? "" : ", ").append(shape[d]);
        return sb.append(']').toString();
    }
}
