/**
 * The engine's API: loading, compiling, saving and calling TorchScript ({@link io.tsstudio.engine.Jit},
 * {@link io.tsstudio.engine.ScriptModule}, {@link io.tsstudio.engine.Tensor}, {@link io.tsstudio.engine.Ops}), the plain
 * records that describe models and files before or after loading ({@link io.tsstudio.engine.ModelFiles},
 * {@link io.tsstudio.engine.ArchiveModel}, {@code MethodInfo}, {@code ParameterInfo}, ...) and the engine's exceptions.
 * Plain Java: no JavaFX, and LibTorch only through {@code internal.torch}. Everything above the engine (ui, app) and the
 * engine's own packages may depend on it.
 */
package io.tsstudio.engine;
