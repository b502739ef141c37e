package io.tsstudio.engine;

import java.util.List;

/** A tensor found in a file without loading it: name, shape and dtype ({@code null} when unknown). */
public record TensorInfo(String name, List<Long> shape, DType dtype) {
    public TensorInfo {
        shape = List.copyOf(shape);
    }
}
