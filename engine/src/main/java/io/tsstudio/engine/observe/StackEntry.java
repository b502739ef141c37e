package io.tsstudio.engine.observe;

import io.tsstudio.engine.ir.IrSourceRange;

import java.util.Optional;

/** One frame of the observed call stack: which node of which module's method is running. */
public record StackEntry(String module, String method, String nodeId, String kind, Optional<IrSourceRange> source) {
}
