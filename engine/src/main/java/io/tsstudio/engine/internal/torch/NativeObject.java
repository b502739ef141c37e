package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.ClassType;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.Obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Owner of one TorchScript class object (an IValue holding a {@code c10::ivalue::Object}). */
public final class NativeObject implements AutoCloseable {
    private final IValue value;
    private final NativeLifetime life;
    private final Map<String, NativeCallable> methods = new ConcurrentHashMap<>();
    private final String className;

    private NativeObject(IValue value) {
        this.value = value;
        try (PointerScope s = new PointerScope()) {
            this.className = value.toObject().type().name().get().qualifiedName().getString();
        }
        this.life = new NativeLifetime(() -> "object of class " + className);
    }

    /** Takes a copy of {@code v} (an object IValue) that outlives the caller's scope. */
    static NativeObject own(IValue v) {
        IValue copy = new IValue(v);
        copy.retainReference();
        return new NativeObject(copy);
    }

    IValue ivalue() {
        life.requireOpen();
        return value;
    }

    public String className() {
        return className;
    }

    public List<String> attributeNames() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                ClassType t = value.toObject().type();
                List<String> out = new ArrayList<>();
                for (long i = 0; i < t.numAttributes(); i++) out.add(t.getAttributeName(i).getString());
                return out;
            }
        }
    }

    public Object attribute(String name) {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                Obj o = value.toObject();
                if (!o.type().hasAttribute(name)) {
                    throw new TorchException("object of class " + className + " has no attribute '" + name + "' (attributes: " + attributeNames() + ")");
                }
                return IValues.fromIValue(o.getAttr(name), TsType.ANY, Where.result(className + "." + name));
            }
        }
    }

    public Object call(String method, Object[] args) {
        try (NativeLifetime.Use use = life.enter()) {
            return callable(method).call(args, true);
        }
    }

    private NativeCallable callable(String name) {
        NativeCallable c = methods.get(name);
        if (c != null) return c;
        return methods.computeIfAbsent(name, n -> {
            try (PointerScope s = new PointerScope()) {
                org.bytedeco.pytorch.JitObject view = new org.bytedeco.pytorch.JitObject(value.toObject());
                if (!view.find_method(n).has_value()) {
                    throw new TorchException("object of class " + className + " has no method '" + n + "'");
                }
                return NativeCallable.ofMethod(view.get_method(n));
            }
        });
    }

    public boolean isClosed() {
        return life.isClosed();
    }

    /** New calls fail from now on; the object is released when the calls in flight have ended. */
    @Override
    public void close() {
        life.close(() -> {
            methods.values().forEach(NativeCallable::release);
            value.releaseReference();
        });
    }
}
