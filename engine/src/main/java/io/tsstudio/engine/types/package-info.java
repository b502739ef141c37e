/**
 * TorchScript types and operator schemas, the one place they are read: {@link io.tsstudio.engine.types.TypeRef}
 * (annotation and schema spellings), {@link io.tsstudio.engine.types.ParsedSchema} (schema text, also leniently for
 * names), and the registry's own description of an operator ({@link io.tsstudio.engine.types.OpSchema}, with typed
 * views). Plain Java with no dependency on the rest of the code base, so the engine, the editors (the graph editor's
 * model included) and tools may all use it.
 */
package io.tsstudio.engine.types;
