/**
 * Reading PyTorch files without LibTorch: {@link io.tsstudio.engine.internal.files.ZipProbe} (the entry list and
 * bounded entry reads of a PyTorch zip) and {@link io.tsstudio.engine.internal.files.TorchPickle} (just enough of the
 * pickle format to list a {@code torch.save} archive's tensors and a module tree). Internal: only the engine's own
 * packages may use it; ui and app go through the engine API (UiArchitectureTest, AppArchitectureTest).
 */
package io.tsstudio.engine.internal.files;
