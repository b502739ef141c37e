package io.tsstudio.engine;


import java.util.List;
import java.util.Map;

/** The example inputs as the traced Java code sees them, with typed accessors. */
public final class TraceArgs {
    private final List<Object> values;

    private TraceArgs(List<Object> values) {
        this.values = values;
    }

    public static TraceArgs of(List<Object> values) {
        return new TraceArgs(List.copyOf(values));
    }

    public int size() {
        return values.size();
    }

    public Object get(int i) {
        return values.get(i);
    }

    public Tensor tensor(int i) {
        return as(i, Tensor.class, "a Tensor");
    }

    @SuppressWarnings("unchecked")
    public List<Tensor> tensors(int i) {
        return as(i, List.class, "a List<Tensor>");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Tensor> dict(int i) {
        return as(i, Map.class, "a Map<String, Tensor>");
    }

    public JitTuple jitTuple(int i) {
        return as(i, JitTuple.class, "a JitTuple");
    }

    public List<Object> all() {
        return values;
    }

    private <T> T as(int i, Class<T> type, String what) {
        Object v = get(i);
        if (!type.isInstance(v)) throw new IllegalArgumentException("traced input " + i + " is " + (v == null ? "null" : v.getClass().getSimpleName()) + ", not " + what);
        return type.cast(v);
    }
}
