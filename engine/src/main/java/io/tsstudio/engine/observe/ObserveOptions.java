package io.tsstudio.engine.observe;

import java.util.Optional;

/**
 * @param keepTensorBytes how many bytes of output tensors the observation may keep (copies); 0 keeps none, only
 *                        statistics
 * @param stepper         called before each node, for step-through debugging
 * @param statistics      compute min/max/mean and NaN/Inf counts of every tensor (false: dtype, shape and device
 *                        only, statistics NaN: what a profile needs, at a fraction of the cost on small tensors)
 */
public record ObserveOptions(long keepTensorBytes, Optional<Stepper> stepper, boolean statistics) {
    public ObserveOptions(long keepTensorBytes, Optional<Stepper> stepper) {
        this(keepTensorBytes, stepper, true);
    }

    public static ObserveOptions statisticsOnly() {
        return new ObserveOptions(0, Optional.empty());
    }

    /** Dtypes, shapes and devices of the outputs; no statistics, no kept tensors (the profiler's choice). */
    public static ObserveOptions shapesOnly() {
        return new ObserveOptions(0, Optional.empty(), false);
    }

    public static ObserveOptions keeping(long bytes) {
        return new ObserveOptions(bytes, Optional.empty());
    }

    public ObserveOptions withStepper(Stepper s) {
        return new ObserveOptions(keepTensorBytes, Optional.of(s), statistics);
    }
}
