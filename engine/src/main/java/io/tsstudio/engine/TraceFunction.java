package io.tsstudio.engine;

/** Java code to trace: takes the example inputs, returns a Tensor, a List/Map of tensors, or a tuple of these. */
@FunctionalInterface
public interface TraceFunction {
    Object apply(TraceArgs args) throws Exception;
}
