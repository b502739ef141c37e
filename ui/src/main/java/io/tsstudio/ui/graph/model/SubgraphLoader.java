package io.tsstudio.ui.graph.model;

import io.tsstudio.engine.ir.IrGraph;

/**
 * Supplies the graph of a submodule's method when its group is opened.
 * {@code submodulePath} is the dotted path from the root module ({@code layers.0.attn}), empty for the root itself.
 */
@FunctionalInterface
public interface SubgraphLoader {
    IrGraph load(String submodulePath, String method);

    /** A loader for graphs without submodule calls (functions, tests): every call fails with a clear message. */
    static SubgraphLoader none() {
        return (path, method) -> {
            throw new IllegalStateException("no loader for submodule '" + path + "' method " + method);
        };
    }
}
