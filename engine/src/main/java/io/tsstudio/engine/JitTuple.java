package io.tsstudio.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A TorchScript tuple. {@code names} holds the field names of a NamedTuple (same length as values), and is empty for
 * a plain tuple. Values may be null (None). Tensor values are owned by whoever owns the tuple.
 */
public record JitTuple(List<Object> values, List<String> names) {
    public JitTuple {
        values = Collections.unmodifiableList(new ArrayList<>(values)); // List.copyOf rejects null (None) elements
        names = names == null ? List.of() : List.copyOf(names);
        if (!names.isEmpty() && names.size() != values.size()) {
            throw new IllegalArgumentException("a named tuple needs one name per value: " + names.size() + " names for " + values.size() + " values");
        }
    }

    public static JitTuple of(Object... values) {
        return new JitTuple(Arrays.asList(values), List.of());
    }

    public static JitTuple named(List<String> names, List<Object> values) {
        return new JitTuple(values, names);
    }

    public boolean isNamed() {
        return !names.isEmpty();
    }

    public int size() {
        return values.size();
    }

    public Object get(int i) {
        return values.get(i);
    }

    /** The value of a named field. */
    public Object get(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no field '" + name + "' in tuple with fields " + names);
        return values.get(i);
    }
}
