package io.tsstudio.app.cli;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.JitObject;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.values.TensorStats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Values printed for people: tensors with shape, dtype, device, values (when small) and statistics; containers indented. */
final class ValueText {
    /** Tensors with more elements print only their statistics. */
    static final int MAX_FETCHED = 1_000_000;
    /** Tensors with more elements print the edges of each long dimension, as PyTorch does. */
    static final int SUMMARY_OVER = 200;
    static final int EDGE_ITEMS = 3;
    private static final int MAX_DEPTH = 32;
    private static final int LINE_WIDTH = 100;

    private ValueText() {
    }

    static String format(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, "", 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, String indent, int depth) {
        if (depth > MAX_DEPTH) {
            sb.append("...");
            return;
        }
        if (v == null) sb.append("None");
        else if (v instanceof Boolean b) sb.append(b ? "True" : "False");
        else if (v instanceof String s) sb.append(quote(s));
        else if (v instanceof Double || v instanceof Float) sb.append(number(((Number) v).doubleValue()));
        else if (v instanceof Number n) sb.append(n.longValue());
        else if (v instanceof Tensor t) tensor(sb, t, indent);
        else if (v instanceof JitTuple t) tuple(sb, t, indent, depth);
        else if (v instanceof List<?> l) list(sb, l, indent, depth);
        else if (v instanceof Map<?, ?> m) dict(sb, m, indent, depth);
        else if (v instanceof JitObject o) object(sb, o, indent, depth);
        else sb.append(v);
    }

    private static void tuple(StringBuilder sb, JitTuple t, String indent, int depth) {
        sb.append(t.isNamed() ? "NamedTuple" : "Tuple").append(" of ").append(t.size());
        for (int i = 0; i < t.size(); i++) {
            sb.append('\n').append(indent).append("  ").append(t.isNamed() ? t.names().get(i) : "[" + i + "]").append(": ");
            append(sb, t.get(i), indent + "    ", depth + 1);
        }
    }

    private static void list(StringBuilder sb, List<?> l, String indent, int depth) {
        boolean simple = l.stream().allMatch(e -> e == null || e instanceof Number || e instanceof Boolean || e instanceof String);
        if (simple) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(", ");
                append(sb, l.get(i), indent, depth + 1);
            }
            sb.append(']');
            return;
        }
        sb.append("List of ").append(l.size());
        for (int i = 0; i < l.size(); i++) {
            sb.append('\n').append(indent).append("  [").append(i).append("]: ");
            append(sb, l.get(i), indent + "    ", depth + 1);
        }
    }

    private static void dict(StringBuilder sb, Map<?, ?> m, String indent, int depth) {
        sb.append("Dict of ").append(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append('\n').append(indent).append("  ");
            append(sb, e.getKey(), indent + "    ", depth + 1);
            sb.append(": ");
            append(sb, e.getValue(), indent + "    ", depth + 1);
        }
    }

    private static void object(StringBuilder sb, JitObject o, String indent, int depth) {
        sb.append("object of class ").append(o.className());
        for (String name : o.attributeNames()) {
            Object a = o.attribute(name);
            try {
                sb.append('\n').append(indent).append("  ").append(name).append(": ");
                append(sb, a, indent + "    ", depth + 1);
            } finally {
                if (a instanceof Tensor t) t.close();
                else if (a instanceof JitObject j) j.close();
            }
        }
    }

    private static void tensor(StringBuilder sb, Tensor t, String indent) {
        DType dtype = t.dtype();
        long[] shape = t.shape();
        sb.append("Tensor ").append(dtype).append(' ').append(Arrays.toString(shape)).append(" on ").append(t.device());
        long n = t.numel();
        if (n == 0) return;
        boolean complex = dtype == DType.COMPLEX64 || dtype == DType.COMPLEX128;
        if (n <= MAX_FETCHED && !complex) {
            Cells cells = new Cells(t, dtype, shape);
            sb.append('\n').append(indent);
            if (shape.length == 0) sb.append(cells.text(0));
            else cells.nest(sb, 0, 0, indent);
        }
        if (!complex && dtype != DType.BOOL) {
            TensorStats.of(t).filter(s -> n > 1).ifPresent(s -> {
                sb.append('\n').append(indent).append("min ").append(number(s.min()))
                        .append("  max ").append(number(s.max())).append("  mean ").append(number(s.mean()));
                if (s.nanCount() > 0) sb.append("  nan ").append(s.nanCount());
                if (s.infCount() > 0) sb.append("  inf ").append(s.infCount());
            });
        }
        if (n > MAX_FETCHED) sb.append("\n").append(indent).append("(").append(String.format("%,d", n)).append(" values: too many to print)");
    }

    /**
     * A tensor's values as text, printed like PyTorch does: every dimension longer than {@value #EDGE_ITEMS} * 2 shows
     * its first and last {@value #EDGE_ITEMS} entries around "...", once the tensor has more than {@value #SUMMARY_OVER}
     * elements.
     */
    private static final class Cells {
        private final String[] text;
        private final long[] shape;
        private final long[] strides;
        private final boolean summarize;
        private final int width;

        Cells(Tensor t, DType dtype, long[] shape) {
            this.shape = shape;
            int n = (int) t.numel();
            text = new String[n];
            if (dtype == DType.BOOL) {
                boolean[] v = t.toBooleanArray();
                for (int i = 0; i < n; i++) text[i] = v[i] ? "True" : "False";
            } else if (dtype.isFloatingPoint()) {
                double[] v = t.toDoubleArray();
                for (int i = 0; i < n; i++) text[i] = number(v[i]);
            } else {
                long[] v = t.toLongArray();
                for (int i = 0; i < n; i++) text[i] = Long.toString(v[i]);
            }
            strides = new long[shape.length];
            long stride = 1;
            for (int d = shape.length - 1; d >= 0; d--) {
                strides[d] = stride;
                stride *= shape[d];
            }
            summarize = n > SUMMARY_OVER;
            int w = 0;
            for (String c : text) w = Math.max(w, c.length());
            width = w;
        }

        String text(int i) {
            return text[i];
        }

        private List<Long> shown(int level) {
            long size = shape[level];
            List<Long> idx = new java.util.ArrayList<>();
            if (!summarize || size <= 2L * EDGE_ITEMS) {
                for (long i = 0; i < size; i++) idx.add(i);
            } else {
                for (long i = 0; i < EDGE_ITEMS; i++) idx.add(i);
                idx.add(-1L); // the "..." marker
                for (long i = size - EDGE_ITEMS; i < size; i++) idx.add(i);
            }
            return idx;
        }

        void nest(StringBuilder sb, int level, long offset, String indent) {
            sb.append('[');
            boolean last = level == shape.length - 1;
            int perLine = Math.max(1, (LINE_WIDTH - indent.length() - level - 1) / (width + 2));
            List<Long> idx = shown(level);
            for (int k = 0; k < idx.size(); k++) {
                if (k > 0) {
                    sb.append(',');
                    if (!last) sb.append("\n".repeat(shape.length - level - 1)).append(indent).append(" ".repeat(level + 1));
                    else if (k % perLine == 0) sb.append('\n').append(indent).append(" ".repeat(level + 1));
                    else sb.append(' ');
                }
                long i = idx.get(k);
                if (i < 0) sb.append(last ? " ".repeat(Math.max(0, width - 3)) + "..." : "...");
                else if (last) {
                    String c = text[(int) (offset + i)];
                    sb.append(" ".repeat(width - c.length())).append(c);
                } else {
                    nest(sb, level + 1, offset + i * strides[level], indent);
                }
            }
            sb.append(']');
        }
    }

    /** Up to 6 significant digits, no trailing zeros: {@code 0.313458}, {@code 2}, {@code 1.5e-7}. */
    static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e9) return d.toPlainString();
        return d.toString().replace("E", "e");
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }
}
