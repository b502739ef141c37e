package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.JitObject;
import io.tsstudio.engine.ScriptFunction;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;

/**
 * The native owners behind the engine's public types, for engine-internal code only (the "shared secrets" pattern
 * of the JDK's {@code SharedSecrets}): the public classes expose no internal type, and register an {@link Access}
 * here from their static initializer. The ArchUnit rules keep {@code ui} and {@code app} out of this package, so
 * nothing outside the engine can reach a native handle.
 *
 * <p>Replaces the former public {@code x.nativeHandle()} (now {@code Handles.of(x)}) and {@code ScriptModule.wrap(h)},
 * {@code Tensor.wrap(h)}, {@code JitObject.wrap(h)} (now {@code Handles.wrap(h)}).
 */
public final class Handles {
    /** Implemented once, in the API package, where the owners are visible. */
    public interface Access {
        Tensor wrap(NativeTensor owner);

        NativeTensor of(Tensor tensor);

        ScriptModule wrap(NativeModule owner);

        NativeModule of(ScriptModule module);

        JitObject wrap(NativeObject owner);

        NativeObject of(JitObject object);

        NativeCallable of(ScriptFunction function);
    }

    private static volatile Access access;

    private Handles() {
    }

    /** Called once by the API package; a second registration is refused. */
    public static synchronized void register(Access a) {
        if (access != null) throw new IllegalStateException("engine handles are already registered");
        access = a;
    }

    public static Tensor wrap(NativeTensor owner) {
        return access().wrap(owner);
    }

    public static NativeTensor of(Tensor tensor) {
        return access().of(tensor);
    }

    public static ScriptModule wrap(NativeModule owner) {
        return access().wrap(owner);
    }

    public static NativeModule of(ScriptModule module) {
        return access().of(module);
    }

    public static JitObject wrap(NativeObject owner) {
        return access().wrap(owner);
    }

    public static NativeObject of(JitObject object) {
        return access().of(object);
    }

    /** The callable behind a compilation unit's function; IllegalStateException once the unit is closed. */
    public static NativeCallable of(ScriptFunction function) {
        return access().of(function);
    }

    private static Access access() {
        Access a = access;
        if (a != null) return a;
        try {
            // the API classes register in their static initializers: initializing one is enough
            Class.forName(Tensor.class.getName(), true, Tensor.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        a = access;
        if (a == null) throw new IllegalStateException("engine handles were not registered");
        return a;
    }
}
