package io.tsstudio.engine.internal.torch;

import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.Type;

/**
 * One schema argument, digested once for overload resolution.
 *
 * @param fixedSize  the N of {@code int[N]} (a single int then broadcasts), or -1
 * @param defaultValue the schema default (owned by the registry, never freed), or null when required
 */
record ArgSpec(String name, ArgKind kind, boolean optional, int fixedSize, IValue defaultValue, Type.TypePtr type) {
}
