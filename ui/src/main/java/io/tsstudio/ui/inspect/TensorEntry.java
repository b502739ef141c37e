package io.tsstudio.ui.inspect;

import java.util.Arrays;

/**
 * A parameter, buffer or state-dict tensor as the inspector lists it. {@code name} is the full dotted name
 * ({@code fc1.weight}); {@code localName} the last part.
 */
public record TensorEntry(String name, Role role, long[] shape, String dtype, String device, long numel, long bytes, boolean requiresGrad) {
    public enum Role { PARAMETER, BUFFER, STATE }

    public TensorEntry {
        shape = shape.clone();
    }

    public String localName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** {@code [6, 10]}, or {@code []} for a scalar. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
