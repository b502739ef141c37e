package io.tsstudio.engine;

import java.util.List;

/** What a parameter or buffer is, read without copying its data. {@code bytes} is numel times the element size. */
public record ParameterInfo(String name, List<Long> shape, DType dtype, Device device, boolean requiresGrad, long numel, long bytes) {
    public ParameterInfo {
        shape = List.copyOf(shape);
    }
}
