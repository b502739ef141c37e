package io.tsstudio.engine.observe;

import java.util.List;

/**
 * The result of an observed run. {@code output} is what the method returned, equal to a normal LibTorch run
 * (engine values, as {@code ScriptModule.call} returns them; the caller owns its tensors).
 *
 * @param modules every submodule that was called, in order of first call
 * @param nodes   every node that ran, in order of first run
 * @param calls   every submodule call in execution order (the root's call first)
 */
public record Observation(String method, Object output, long totalNanos, List<ModuleRecord> modules,
                          List<NodeRecord> nodes, List<ModuleCall> calls) implements AutoCloseable {
    public Observation {
        modules = List.copyOf(modules);
        nodes = List.copyOf(nodes);
        calls = List.copyOf(calls);
    }

    /** Closes the tensors kept in the records (not {@code output}, which the caller owns). */
    @Override
    public void close() {
        modules.forEach(m -> closeAll(m.output()));
        nodes.forEach(n -> n.outputs().forEach(Observation::closeAll));
        calls.forEach(c -> closeAll(c.output()));
    }

    private static void closeAll(ObservedValue v) {
        v.tensors().forEach(t -> t.kept().ifPresent(k -> {
            if (!k.isClosed()) k.close();
        }));
    }
}
