package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.ClassType;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.Graph;
import org.bytedeco.pytorch.GraphFunction;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.Type;

import java.util.List;

/** Owner of a standalone TorchScript function and the compilation unit that keeps it alive. */
public final class NativeFunction implements AutoCloseable {
    private final CompilationUnit cu;
    private final Function function;
    private final NativeCallable callable;
    private final NativeLifetime life = new NativeLifetime(() -> "function " + name());

    private NativeFunction(CompilationUnit cu, Function function) {
        this.cu = cu;
        this.function = function;
        this.callable = NativeCallable.ofFunction(function);
    }

    static NativeFunction own(CompilationUnit cu, Function f) {
        cu.retainReference();
        f.retainReference();
        return new NativeFunction(cu, f);
    }

    private Function get() {
        life.requireOpen();
        return function;
    }

    /** Calls the function; arguments are positional and converted by its schema (the traced input types). */
    public Object call(List<Object> args) {
        try (NativeLifetime.Use use = life.enter()) {
            return callable.call(args.toArray(), true);
        }
    }

    public io.tsstudio.engine.MethodInfo info() {
        try (NativeLifetime.Use use = life.enter()) {
            return callable.info();
        }
    }

    public String graphText() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                return new GraphFunction(function).graph().toString();
            }
        }
    }

    /**
     * Wraps the function as {@code forward} of a fresh {@code __torch__.PlaceholderModule}, as R torch and LibTorch do
     * when saving a function: the file then loads anywhere as a module whose forward is the function.
     */
    public NativeModule toModule() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                CompilationUnit moduleCu = new CompilationUnit();
                JitModule m = new JitModule(new QualifiedName("__torch__.PlaceholderModule"), moduleCu, true);
                m.register_attribute("training", Types.BOOL, new IValue(true), false, false);
                Graph g = new GraphFunction(function).graph().copy();
                ClassType type = m.type();
                g.insertInput(0, "self").setType(new Type.TypePtr(type));
                Function f = moduleCu.create_function(new QualifiedName(new QualifiedName(Tracing.typeName(type)), "forward"), g, false);
                type.addMethod(f);
                return NativeModule.own(m);
            }
        }
    }

    private String name() {
        return callable.info().name();
    }

    public boolean isClosed() {
        return life.isClosed();
    }

    /** New calls fail from now on; the function is released when the calls in flight have ended. */
    @Override
    public void close() {
        life.close(() -> {
            function.releaseReference();
            cu.releaseReference();
        });
    }
}
