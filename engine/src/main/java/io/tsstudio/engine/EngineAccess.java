package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.internal.torch.NativeCallable;
import io.tsstudio.engine.internal.torch.NativeModule;
import io.tsstudio.engine.internal.torch.NativeObject;
import io.tsstudio.engine.internal.torch.NativeTensor;

/** The API package's side of {@link Handles}: reaches the owners through package-private members. */
final class EngineAccess implements Handles.Access {
    private static boolean installed;

    private EngineAccess() {
    }

    /** Registers once; called from the static initializers of the public classes that hold an owner. */
    static synchronized void install() {
        if (installed) return;
        installed = true;
        Handles.register(new EngineAccess());
    }

    @Override
    public Tensor wrap(NativeTensor owner) {
        return Tensor.wrap(owner);
    }

    @Override
    public NativeTensor of(Tensor tensor) {
        return tensor.handle();
    }

    @Override
    public ScriptModule wrap(NativeModule owner) {
        return ScriptModule.wrap(owner);
    }

    @Override
    public NativeModule of(ScriptModule module) {
        return module.handle();
    }

    @Override
    public JitObject wrap(NativeObject owner) {
        return JitObject.wrap(owner);
    }

    @Override
    public NativeObject of(JitObject object) {
        return object.handle();
    }

    @Override
    public NativeCallable of(ScriptFunction function) {
        return function.handle();
    }
}
