package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.internal.torch.ModuleFactory;

/**
 * Builds modules from Java: an empty module of a new class, then parameters and buffers
 * ({@link ScriptModule#registerParameter}), submodules ({@link #addSubmodule}) and methods ({@link ScriptModule#define}).
 * The graph editor's Script path assembles its models this way.
 */
public final class ModuleAssembly {
    private ModuleAssembly() {
    }

    /** An empty module in eval mode whose class is {@code className} ({@code __torch__.} is prefixed when saved). */
    public static ScriptModule newModule(String className) {
        return Handles.wrap(ModuleFactory.create(className));
    }

    /**
     * Another module of {@code prototype}'s class, sharing its methods (compiled once); parameters and buffers are
     * registered afresh on it, with the same names.
     */
    public static ScriptModule newInstanceOf(ScriptModule prototype) {
        return Handles.wrap(ModuleFactory.newInstance(Handles.of(prototype)));
    }

    /** Makes {@code child} reachable as {@code parent.name}; source calls it as {@code self.name.forward(x)}. */
    public static void addSubmodule(ScriptModule parent, String name, ScriptModule child) {
        ModuleFactory.registerModule(Handles.of(parent), name, Handles.of(child));
    }
}
