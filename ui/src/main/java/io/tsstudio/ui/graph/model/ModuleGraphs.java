package io.tsstudio.ui.graph.model;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrGraphs;

/** Graphs of a loaded module for the view: the method's graph, and a loader that opens submodules by path. */
public final class ModuleGraphs {
    private ModuleGraphs() {
    }

    /**
     * Opens {@code root.<path>.<method>}'s graph. The module must stay open while the view may still open groups;
     * the submodule handles it makes are closed right after reading.
     */
    public static SubgraphLoader loader(ScriptModule root) {
        return (path, method) -> {
            if (path.isEmpty()) {
                return IrGraphs.of(root, method);
            }
            try (ScriptModule sub = root.submodule(path)) {
                return IrGraphs.of(sub, method);
            }
        };
    }

    public static IrGraph graph(ScriptModule module, String method) {
        if (!module.hasMethod(method)) {
            throw new IllegalArgumentException("module " + module.className() + " has no method '" + method + "'");
        }
        return IrGraphs.of(module, method);
    }

    public static GraphViewModel viewModel(ScriptModule module, String method) {
        return new GraphViewModel(graph(module, method), loader(module));
    }
}
