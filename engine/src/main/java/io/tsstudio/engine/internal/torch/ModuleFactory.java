package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.QualifiedName;

/**
 * Makes empty modules from Java and nests them, for models assembled outside Python (the graph editor, and the
 * trace path's {@link ModuleBuilder} skeletons).
 */
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
            return NativeModule.own(withTrainingFlag(new JitModule(new QualifiedName(className)), false));
        } catch (RuntimeException e) {
            throw new TorchException("cannot create module class '" + className + "': " + Errors.clean(e), e);
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
            return NativeModule.own(withTrainingFlag(new JitModule(p._ivalue().compilation_unit(), p.type()), false));
        } catch (RuntimeException e) {
            throw new TorchException("cannot make another instance of a module class: " + Errors.clean(e), e);
        }
    }

    /** Registers {@code child} as attribute {@code name} of {@code parent} (replacing one of the same name). */
    public static void registerModule(NativeModule parent, String name, NativeModule child) {
        NativeModule.codeChanged();
        try (PointerScope scope = new PointerScope()) {
            parent.get().register_module(name, child.get());
        } catch (RuntimeException e) {
            throw new TorchException("cannot register submodule '" + name + "': " + Errors.clean(e), e);
        }
    }

    /**
     * Gives a fresh module the {@code training} attribute PyTorch's modules have: C++'s module constructors do not
     * add it, and {@code train()/eval()} and {@code self.training} fail without it. Returns {@code m}.
     */
    static JitModule withTrainingFlag(JitModule m, boolean training) {
        m.register_attribute("training", Types.BOOL, new IValue(training), false, false);
        return m;
    }
}
