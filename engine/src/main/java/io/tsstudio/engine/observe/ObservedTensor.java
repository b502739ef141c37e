package io.tsstudio.engine.observe;

import io.tsstudio.engine.Tensor;

import java.util.Optional;

/**
 * One tensor as a run produced it: dtype ({@code float32}, as {@code DType.jsonName}), shape, device and statistics
 * over its values (min/max/mean ignore NaN and infinities, which are counted; NaN when no finite value exists).
 *
 * @param kept the tensor itself (a copy the observation owns), when the caller's memory budget allowed keeping it;
 *             closed by {@link Observation#close()}
 */
public record ObservedTensor(String dtype, long[] shape, String device, double min, double max, double mean,
                             long nanCount, long infCount, Optional<Tensor> kept) {
    public ObservedTensor {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
