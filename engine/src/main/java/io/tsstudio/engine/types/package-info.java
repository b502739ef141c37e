/**
 * TorchScript type and operator-schema text read in plain Java ({@link io.tsstudio.engine.types.TypeRef},
 * {@link io.tsstudio.engine.types.ParsedSchema}): no LibTorch, no toolkit, so editors and tools can use it freely.
 */
package io.tsstudio.engine.types;
