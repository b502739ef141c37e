package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.grapheditor.model.GeneratedScript;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ParamSpec;
import io.tsstudio.ui.grapheditor.model.ScriptGenerator;

/**
 * The Script path: generate the source, make a module of the document's class, register one submodule per nn block
 * (its parameters and buffers from {@link ModelWeights}, its own small forward), then compile the generated
 * {@code forward} onto the top module. The result runs and saves like any TorchScript module.
 */
public final class ScriptBuilder {
    private ScriptBuilder() {
    }

    public static BuiltModel build(GraphDocument doc, ModelWeights weights) {
        return build(ScriptGenerator.generate(doc), weights);
    }

    /** Builds from a script, which may be the generated one edited by hand (same submodules). */
    public static BuiltModel build(GeneratedScript script, ModelWeights weights) {
        ScriptModule top = ModuleAssembly.newModule(script.className());
        // blocks with the same forward and parameter names share one class: compiled once, instantiated many times
        java.util.Map<String, ScriptModule> classes = new java.util.HashMap<>();
        try {
            for (GeneratedScript.Submodule s : script.submodules()) {
                ScriptModule kept = weights.kept(s.blockId());
                if (kept != null && s.forwardSource().isEmpty()) {
                    ModuleAssembly.addSubmodule(top, s.name(), kept);
                    continue;
                }
                if (s.forwardSource().isEmpty()) {
                    throw new IllegalStateException("submodule '" + s.name() + "' (" + s.type() + ") has neither generated code nor a kept module");
                }
                String classKey = s.type() + "\n" + s.forwardSource() + s.parameters().stream().map(p -> p.name() + (p.buffer() ? "/b" : "/p")).toList();
                ScriptModule prototype = classes.get(classKey);
                ScriptModule child = prototype == null ? ModuleAssembly.newModule(s.type()) : ModuleAssembly.newInstanceOf(prototype);
                try {
                    for (ParamSpec p : s.parameters()) {
                        if (p.buffer()) child.registerBuffer(p.name(), weights.tensorFor(s.blockId(), p));
                        else child.registerParameter(p.name(), weights.tensorFor(s.blockId(), p), false);
                    }
                    if (prototype == null) {
                        child.define(s.forwardSource());
                        classes.put(classKey, child);
                    }
                    ModuleAssembly.addSubmodule(top, s.name(), child);
                } finally {
                    if (prototype != null) child.close();
                }
            }
            top.define(script.source());
            top.eval();
            return new BuiltModel(top, script);
        } catch (RuntimeException e) {
            top.close();
            throw e;
        } finally {
            for (ScriptModule c : classes.values()) c.close();
        }
    }
}
