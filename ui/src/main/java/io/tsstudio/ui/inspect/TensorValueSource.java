package io.tsstudio.ui.inspect;

/** Reads a tensor's values (as doubles) by its dotted name, from the loaded model. Called on a worker thread. */
@FunctionalInterface
public interface TensorValueSource {
    double[] values(TensorEntry tensor);
}
