package io.tsstudio.engine.trace;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.internal.torch.ModuleBuilder;

/** Graph views of traced code beyond the recorded graph. */
public final class Graphs {
    private Graphs() {
    }

    /**
     * R torch's {@code graph_for}: runs {@code method} on {@code args}, then returns the graph LibTorch's executor
     * actually ran (the profiling executor's graph, with {@code prim::profile} nodes on the first runs).
     */
    public static String graphFor(ScriptModule module, String method, Object... args) {
        module.call(method, args);
        return ModuleBuilder.lastExecutedOptimizedGraph();
    }
}
