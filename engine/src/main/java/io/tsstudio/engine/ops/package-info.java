/**
 * How operators that LibTorch itself lacks are provided: torchvision's operators as built-in TorchScript
 * implementations injected into an archive's code on load ({@link io.tsstudio.engine.ops.ArchiveOperators}),
 * native operator libraries the user loads ({@link io.tsstudio.engine.ops.OperatorLibraries}), and the operators a
 * model still needs ({@link io.tsstudio.engine.ops.MissingOperatorException}). Every load path goes through
 * {@code Jit.load}, which uses this package. Depends on the engine API and {@code internal.torch}; the CLI, the run
 * worker and the studio use it for {@code --load-library} and for naming the operators a model lacks.
 */
package io.tsstudio.engine.ops;
