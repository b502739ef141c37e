/**
 * How operators that LibTorch itself lacks are provided: torchvision's operators as built-in TorchScript
 * implementations injected into an archive's code on load ({@link io.tsstudio.engine.ops.ArchiveOperators}),
 * native operator libraries the user loads ({@link io.tsstudio.engine.ops.OperatorLibraries}), and the operators a
 * model still needs ({@link io.tsstudio.engine.ops.MissingOperatorException}). Every load path goes through
 * {@code Jit.load}, which uses this package.
 */
package io.tsstudio.engine.ops;
