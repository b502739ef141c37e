package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolType;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.Type;

/** Makes empty modules from Java and nests them, for models assembled outside Python (the graph editor). */
public final class ModuleFactory {
    private ModuleFactory() {
    }

    /**
     * An empty module of a new class. It gets the {@code training} attribute PyTorch's modules have (C++'s
     * {@code Module(name)} does not add it, and {@code train()/eval()} fail without it), set to eval mode.
     */
    public static NativeModule create(String className) {
        Runtime.ensureLoaded();
        try (PointerScope scope = new PointerScope()) {
            JitModule m = new JitModule(new QualifiedName(className));
            m.register_attribute("training", new Type.TypePtr(BoolType.get().get()), new IValue(false), false, false);
            return NativeModule.own(m);
        } catch (RuntimeException e) {
            throw new TorchException("cannot create module class '" + className + "': " + clean(e), e);
        }
    }

    /**
     * A new, empty instance of {@code prototype}'s class: it shares the class's compiled methods, so many blocks of one
     * kind compile once (one class per instance made a 500-block model take seconds to build). Attributes start
     * unset; {@code training} is set to false, parameters are registered by the caller.
     */
    public static NativeModule newInstance(NativeModule prototype) {
        try (PointerScope scope = new PointerScope()) {
            JitModule p = prototype.get();
            JitModule m = new JitModule(p._ivalue().compilation_unit(), p.type());
            m.register_attribute("training", new Type.TypePtr(BoolType.get().get()), new IValue(false), false, false);
            return NativeModule.own(m);
        } catch (RuntimeException e) {
            throw new TorchException("cannot make another instance of a module class: " + clean(e), e);
        }
    }

    /** Registers {@code child} as attribute {@code name} of {@code parent} (replacing one of the same name). */
    public static void registerModule(NativeModule parent, String name, NativeModule child) {
        try (PointerScope scope = new PointerScope()) {
            parent.get().register_module(name, child.get());
        } catch (RuntimeException e) {
            throw new TorchException("cannot register submodule '" + name + "': " + clean(e), e);
        }
    }

    // c10 messages end in a C++ frame dump nobody needs to read
    private static String clean(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        int cut = m.indexOf("Exception raised from");
        return (cut >= 0 ? m.substring(0, cut) : m).strip();
    }
}
