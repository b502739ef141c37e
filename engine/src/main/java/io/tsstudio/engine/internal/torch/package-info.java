/**
 * Everything that touches LibTorch through JavaCPP: the sole owners of native objects
 * ({@link io.tsstudio.engine.internal.torch.NativeModule}, {@link io.tsstudio.engine.internal.torch.NativeTensor}, ...),
 * value conversion to and from IValues, the operator dispatcher and catalog, the IR reader, the tracing state, and the
 * archives the engine writes ({@link io.tsstudio.engine.internal.torch.TorchScriptArchive},
 * {@link io.tsstudio.engine.internal.torch.ScriptArchive}). The only package that imports {@code org.bytedeco}
 * (EngineArchitectureTest). Internal: the engine's API packages use it; ui and app never do.
 */
package io.tsstudio.engine.internal.torch;
