package io.tsstudio.engine.observe;

import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.internal.torch.ObservingExecutor;
import io.tsstudio.engine.run.CancelToken;

import java.util.List;

/**
 * Runs a method of a module node by node over its IR graph, with LibTorch's own operation per node, and records what
 * every node and submodule call produced (shapes, dtypes, statistics, kept copies under a byte budget) and how long
 * it took. The result equals a normal {@link ScriptModule#call} (bit-identical on CPU for deterministic operators);
 * a method the executor cannot step through runs whole and is marked opaque.
 * <p>
 * Runs on the calling thread, under InferenceMode unless the module is training, as {@code ScriptModule.call} does.
 */
public final class Observer {
    private Observer() {
    }

    /**
     * @param args    Java values as {@link ScriptModule#call} takes them
     * @param options what to keep, and a {@link Stepper} called before each node
     * @param token   checked between nodes; a cancelled run throws {@link java.util.concurrent.CancellationException}
     * @throws io.tsstudio.engine.TorchException with the error text a normal run gives, when the method fails
     */
    public static Observation observe(ScriptModule module, String method, List<Object> args, ObserveOptions options,
                                      CancelToken token) {
        return ObservingExecutor.observe(Handles.of(module), method, args, options, token);
    }
}
