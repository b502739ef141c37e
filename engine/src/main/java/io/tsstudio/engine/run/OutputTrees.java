package io.tsstudio.engine.run;

import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the {@link OutputNode} tree of a method's result (the Java values the engine returns). */
public final class OutputTrees {
    /** Values kept per tensor for the values table; statistics and histogram always cover all values. */
    public static final int MAX_VALUES = 100_000;

    private OutputTrees() {
    }

    public static OutputNode of(Object value) {
        return node("output", value, MAX_VALUES);
    }

    public static OutputNode of(Object value, int maxValues) {
        return node("output", value, maxValues);
    }

    private static OutputNode node(String label, Object v, int maxValues) {
        if (v == null) return leaf(label, "none", "None");
        if (v instanceof Tensor t) {
            TensorSummary s = TensorSummary.of(t, maxValues);
            String text = "Tensor " + shapeText(s.shape()) + " " + s.dtype() + (s.device().equals("cpu") ? "" : " " + s.device());
            return new OutputNode(label, "tensor", text, s, List.of());
        }
        if (v instanceof JitTuple tuple) {
            List<OutputNode> children = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                String name = tuple.isNamed() ? tuple.names().get(i) : "[" + i + "]";
                children.add(node(name, tuple.get(i), maxValues));
            }
            return new OutputNode(label, "tuple", (tuple.isNamed() ? "NamedTuple" : "Tuple") + " of " + tuple.size(), null, children);
        }
        if (v instanceof List<?> list) {
            List<OutputNode> children = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) children.add(node("[" + i + "]", list.get(i), maxValues));
            return new OutputNode(label, "list", "List of " + list.size(), null, children);
        }
        if (v instanceof Map<?, ?> map) {
            List<OutputNode> children = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) children.add(node(String.valueOf(e.getKey()), e.getValue(), maxValues));
            return new OutputNode(label, "dict", "Dict of " + map.size(), null, children);
        }
        if (v instanceof long[] a) return array(label, a.length, i -> a[i], "int", maxValues);
        if (v instanceof double[] a) return array(label, a.length, i -> a[i], "float", maxValues);
        if (v instanceof boolean[] a) return array(label, a.length, i -> a[i], "bool", maxValues);
        if (v instanceof Boolean b) return leaf(label, "bool", b ? "True" : "False");
        if (v instanceof Long || v instanceof Integer) return leaf(label, "int", v.toString());
        if (v instanceof Double || v instanceof Float) return leaf(label, "float", v.toString());
        if (v instanceof String s) return leaf(label, "str", s);
        return leaf(label, "object", v.toString());
    }

    private static OutputNode array(String label, int n, java.util.function.IntFunction<Object> at, String kind, int maxValues) {
        List<OutputNode> children = new ArrayList<>();
        for (int i = 0; i < n; i++) children.add(node("[" + i + "]", at.apply(i), maxValues));
        return new OutputNode(label, "list", "List[" + kind + "] of " + n, null, children);
    }

    private static OutputNode leaf(String label, String kind, String text) {
        return new OutputNode(label, kind, text, null, List.of());
    }

    static String shapeText(long[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
        return sb.append(']').toString();
    }
}
