package io.tsstudio.app.cli;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.JitObject;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.json.TensorStats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Values printed for people: tensors with shape, dtype, device, values (when small) and statistics; containers indented. */
final class ValueText {
    /** Tensors with more elements print only their summary. */
    static final int MAX_PRINTED = 1000;
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
        if (n <= MAX_PRINTED && !complex) {
            String[] cells = cells(t, dtype, (int) n);
            int width = 0;
            for (String c : cells) width = Math.max(width, c.length());
            sb.append('\n').append(indent);
            if (shape.length == 0) sb.append(cells[0]);
            else nest(sb, cells, width, shape, 0, new int[] {0}, indent);
        }
        if (!complex && dtype != DType.BOOL) {
            TensorStats.of(t).filter(s -> n > 1).ifPresent(s -> sb.append('\n').append(indent).append("min ").append(number(s.min()))
                    .append("  max ").append(number(s.max())).append("  mean ").append(number(s.mean())));
        }
        if (n > MAX_PRINTED) sb.append("\n").append(indent).append("(").append(n).append(" values; --json prints up to 10,000)");
    }

    private static String[] cells(Tensor t, DType dtype, int n) {
        String[] cells = new String[n];
        if (dtype == DType.BOOL) {
            boolean[] v = t.toBooleanArray();
            for (int i = 0; i < n; i++) cells[i] = v[i] ? "True" : "False";
        } else if (dtype.isFloatingPoint()) {
            double[] v = t.toDoubleArray();
            for (int i = 0; i < n; i++) cells[i] = number(v[i]);
        } else {
            long[] v = t.toLongArray();
            for (int i = 0; i < n; i++) cells[i] = Long.toString(v[i]);
        }
        return cells;
    }

    private static void nest(StringBuilder sb, String[] cells, int width, long[] shape, int level, int[] next, String indent) {
        sb.append('[');
        int perLine = Math.max(1, (LINE_WIDTH - indent.length() - level - 1) / (width + 2));
        for (long i = 0; i < shape[level]; i++) {
            if (i > 0) {
                sb.append(',');
                if (level < shape.length - 1) sb.append("\n".repeat(shape.length - level - 1)).append(indent).append(" ".repeat(level + 1));
                else if (i % perLine == 0) sb.append('\n').append(indent).append(" ".repeat(level + 1));
                else sb.append(' ');
            }
            if (level == shape.length - 1) {
                String c = cells[next[0]++];
                sb.append(" ".repeat(width - c.length())).append(c);
            } else {
                nest(sb, cells, width, shape, level + 1, next, indent);
            }
        }
        sb.append(']');
    }

    /** Up to 6 significant digits, no trailing zeros: {@code 0.313458}, {@code 2}, {@code 1.5e-07}. */
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
