/**
 * Value conversion: Java values of TorchScript calls to and from JSON exactly as the command line's contract states
 * ({@link io.tsstudio.engine.values.ValueJson}, {@link io.tsstudio.engine.values.TensorJson}), tensors read from
 * {@code .npy} and {@code .pt} files ({@link io.tsstudio.engine.values.TensorFiles}) and tensor statistics. Depends on
 * the engine API; {@code engine.run} and the CLI use it.
 */
package io.tsstudio.engine.values;
