package io.tsstudio.engine.nn;

import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.TraceArgs;
import io.tsstudio.engine.TraceFunction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Java neural-network module: parameters, buffers and child modules registered by name (PyTorch's names, so
 * state dicts and traced attributes read the same), a train/eval mode that applies to the whole tree, a
 * {@link #forward} and optionally other methods that {@code Tracer.traceModule} can trace.
 *
 * <p>Subclasses override {@link #forward(Object...)} (a covariant return type is fine) and register extra traceable
 * methods with {@link #registerMethod}. Children may also be script modules (e.g. an already traced module), which
 * tracing keeps as they are.
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Object> children = new LinkedHashMap<>();
    private final Map<String, TraceFunction> methods = new LinkedHashMap<>();
    private boolean training = true;

    /** Runs the module. Built-in modules take one tensor. */
    public Object forward(Object... inputs) {
        throw new TorchException(typeName() + " does not define forward(...)");
    }

    /** Calls {@code forward} or a method added with {@link #registerMethod}. */
    public Object invoke(String method, Object... inputs) {
        if (method.equals("forward")) return forward(inputs);
        TraceFunction fn = methods.get(method);
        if (fn == null) throw new TorchException("Method '" + method + "' does not exist in " + typeName());
        try {
            return fn.apply(TraceArgs.of(List.of(inputs)));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new TorchException(typeName() + "." + method + " failed: " + e, e);
        }
    }

    /** {@code forward} plus the registered methods. */
    public Set<String> methodNames() {
        Set<String> out = new LinkedHashSet<>();
        out.add("forward");
        out.addAll(methods.keySet());
        return Collections.unmodifiableSet(out);
    }

    /** The name traced module classes get ({@code __torch__.<name>}, made unique per process). */
    public String typeName() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? "Module" : n;
    }

    // ---- registration ----

    protected Tensor registerParameter(String name, Tensor value) {
        checkName(name);
        if (value != null && !value.requiresGrad() && value.dtype().isFloatingPoint()) value.requiresGrad(true);
        parameters.put(name, value);
        return value;
    }

    protected Tensor registerBuffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value);
        return value;
    }

    protected <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    /** Registers an already scripted or traced module as a child; tracing keeps its methods. */
    protected ScriptModule registerModule(String name, ScriptModule module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    protected void registerMethod(String name, TraceFunction fn) {
        if (name.equals("forward")) throw new IllegalArgumentException("override forward(...) instead of registering it");
        methods.put(name, fn);
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) throw new IllegalArgumentException("bad attribute name '" + name + "' (non-empty, no dots)");
    }

    // ---- introspection ----

    /** Own parameters (not recursive), in registration order. */
    public Map<String, Tensor> ownParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    public Map<String, Tensor> ownBuffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /** Direct children: {@link Module}s and {@link ScriptModule}s. */
    public Map<String, Object> children() {
        return Collections.unmodifiableMap(children);
    }

    /** All parameters, own first then each Java child's, named {@code child.weight} as PyTorch names them. */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect(out, "", true);
        return out;
    }

    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect(out, "", false);
        return out;
    }

    private void collect(Map<String, Tensor> out, String prefix, boolean params) {
        for (Map.Entry<String, Tensor> e : (params ? parameters : buffers).entrySet()) {
            if (e.getValue() != null) out.putIfAbsent(prefix + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> c : children.entrySet()) {
            if (c.getValue() instanceof Module m) m.collect(out, prefix + c.getKey() + ".", params);
        }
    }

    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** This module and every Java module below it, named by path ("" for this one). */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        out.put("", this);
        for (Map.Entry<String, Object> c : children.entrySet()) {
            if (c.getValue() instanceof Module m) {
                for (Map.Entry<String, Module> e : m.namedModules().entrySet()) {
                    out.put(e.getKey().isEmpty() ? c.getKey() : c.getKey() + "." + e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    /** Parameters then buffers, by dotted name. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>(namedParameters());
        out.putAll(namedBuffers());
        return out;
    }

    /** Copies values in place (storage kept, so traced modules sharing it see the change). */
    public void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> mine = stateDict();
        for (String k : mine.keySet()) if (!state.containsKey(k)) throw new TorchException("state dict has no entry '" + k + "'");
        try (NoGrad g = NoGrad.enter()) {
            for (Map.Entry<String, Tensor> e : mine.entrySet()) e.getValue().copy_(state.get(e.getKey()));
        }
    }

    // ---- mode ----

    /** Sets train mode on this module and all Java children; returns this. */
    public Module train(boolean mode) {
        training = mode;
        for (Object c : children.values()) if (c instanceof Module m) m.train(mode);
        return this;
    }

    public Module train() {
        return train(true);
    }

    public Module eval() {
        return train(false);
    }

    public boolean isTraining() {
        return training;
    }
}
