package io.tsstudio.engine.trace;

import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.internal.torch.ModuleBuilder;
import io.tsstudio.engine.internal.torch.NativeModule;
import io.tsstudio.engine.internal.torch.Tracing;
import io.tsstudio.engine.nn.Module;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a Java module into a script module: a skeleton holding the same tensors, then one traced graph per method. */
final class ModuleTracer {
    static final String RESERVED = "Methods `evalforward` and `trainforward` are reserved.";

    private ModuleTracer() {
    }

    static ScriptModule trace(Module mod, Map<String, List<?>> methods, TraceOptions options) {
        if (mod == null) throw new TorchException("`mod` must be a Module, got null");
        if (methods == null || methods.isEmpty()) {
            throw new TorchException("Arguments passed through the method map must be named: give at least one method name with its example inputs, e.g. Map.of(\"forward\", List.of(x))");
        }
        // All checks before anything native is built (R torch checks reserved names only after building the skeleton).
        for (String name : methods.keySet()) {
            if (name == null || name.isEmpty()) throw new TorchException("Arguments passed through the method map must be named: found an empty method name");
            if (name.equals("evalforward") || name.equals("trainforward")) throw new TorchException(RESERVED);
            if (!mod.methodNames().contains(name)) throw new TorchException("Method '" + name + "' does not exist in `mod` and therefore can't be traced.");
        }
        boolean wasTraining = mod.isTraining();
        NativeModule skeleton = ModuleBuilder.build(spec(mod));
        try {
            Tracing.ModuleView view = new Tracing.ModuleView(skeleton, tensorPaths(mod), childPaths(mod));
            for (Map.Entry<String, List<?>> e : methods.entrySet()) {
                String name = e.getKey();
                List<Object> inputs = List.copyOf(e.getValue());
                if (name.equals("forward") && options.respectMode()) {
                    mod.train(true);
                    traceOne(view, mod, "forward", "trainforward", inputs, options);
                    mod.train(false);
                    traceOne(view, mod, "forward", "evalforward", inputs, options);
                    ModuleBuilder.defineModeDispatch(skeleton);
                } else {
                    mod.train(wasTraining);
                    traceOne(view, mod, name, name, inputs, options);
                }
            }
            skeleton.train(wasTraining);
            return Handles.wrap(skeleton);
        } catch (RuntimeException | Error e) {
            skeleton.close();
            throw e;
        } finally {
            mod.train(wasTraining);
        }
    }

    private static void traceOne(Tracing.ModuleView view, Module mod, String javaMethod, String tracedName, List<Object> inputs, TraceOptions options) {
        try {
            Tracing.traceMethod(view, tracedName, list -> mod.invoke(javaMethod, list.toArray()), inputs, options.strict());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new TraceException("the traced method " + javaMethod + " threw " + e, e);
        }
    }

    private static ModuleBuilder.Spec spec(Module m) {
        Map<String, Object> children = new LinkedHashMap<>();
        for (Map.Entry<String, Object> c : m.children().entrySet()) {
            Object v = c.getValue();
            children.put(c.getKey(), v instanceof Module child ? spec(child) : Handles.of(((ScriptModule) v)));
        }
        Map<String, Tensor> params = new LinkedHashMap<>();
        m.ownParameters().forEach((k, v) -> {
            if (v != null) params.put(k, v);
        });
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        m.ownBuffers().forEach((k, v) -> {
            if (v != null) buffers.put(k, v);
        });
        return new ModuleBuilder.Spec(m.typeName(), m.isTraining(), params, buffers, children);
    }

    private static Map<Tensor, String> tensorPaths(Module m) {
        Map<Tensor, String> out = new IdentityHashMap<>();
        m.namedParameters().forEach((k, v) -> out.putIfAbsent(v, k));
        m.namedBuffers().forEach((k, v) -> out.putIfAbsent(v, k));
        return out;
    }

    private static IdentityHashMap<Object, String> childPaths(Module m) {
        IdentityHashMap<Object, String> out = new IdentityHashMap<>();
        for (Map.Entry<String, Module> e : m.namedModules().entrySet()) {
            for (Map.Entry<String, Object> c : e.getValue().children().entrySet()) {
                if (c.getValue() instanceof ScriptModule sm) out.put(Handles.of(sm), e.getKey().isEmpty() ? c.getKey() : e.getKey() + "." + c.getKey());
            }
        }
        return out;
    }
}
