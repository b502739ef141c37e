/**
 * Observed runs: what a method did node by node (outputs, time, calls, module paths), as plain records.
 * {@link io.tsstudio.engine.observe.Observer} runs a method over its IR with LibTorch's own operation per node; the
 * profiler, the debugger (through {@link io.tsstudio.engine.observe.Stepper}) and the model diff read its
 * {@link io.tsstudio.engine.observe.Observation}. May depend on the engine API, {@code ir} and {@code run}; the
 * native work lives in {@code internal.torch}.
 */
package io.tsstudio.engine.observe;
