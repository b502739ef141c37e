package io.tsstudio.engine.observe;

import java.util.Optional;

/**
 * @param keepTensorBytes how many bytes of output tensors the observation may keep (copies); 0 keeps none, only
 *                        statistics
 * @param stepper         called before each node, for step-through debugging
 */
public record ObserveOptions(long keepTensorBytes, Optional<Stepper> stepper) {
    public static ObserveOptions statisticsOnly() {
        return new ObserveOptions(0, Optional.empty());
    }

    public static ObserveOptions keeping(long bytes) {
        return new ObserveOptions(bytes, Optional.empty());
    }

    public ObserveOptions withStepper(Stepper s) {
        return new ObserveOptions(keepTensorBytes, Optional.of(s));
    }
}
