package io.tsstudio.engine.values;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.internal.torch.TensorMaker;

import java.util.Optional;

/** Minimum, maximum and mean of all of a tensor's elements, computed in LibTorch without copying the data out. */
public record TensorStats(double min, double max, double mean) {
    /** Empty for a tensor without elements or with complex ones. */
    public static Optional<TensorStats> of(Tensor t) {
        double[] s = TensorMaker.stats(t);
        return s == null ? Optional.empty() : Optional.of(new TensorStats(s[0], s[1], s[2]));
    }
}
