package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.FunctionInfo;
import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.FunctionVector;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Owner of a compilation unit compiled from TorchScript source, and the source it came from. */
public final class NativeCompilationUnit implements AutoCloseable {
    private static final Pattern DEF = Pattern.compile("^def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(", Pattern.MULTILINE);

    private final CompilationUnit unit;
    private final String source;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, NativeCallable> functions = new ConcurrentHashMap<>();

    private NativeCompilationUnit(CompilationUnit unit, String source) {
        this.unit = unit;
        this.source = source;
    }

    /** Compiles {@code source}; a compile error becomes a CompileException with line and column. */
    public static NativeCompilationUnit compile(String source) {
        try (PointerScope s = new PointerScope()) {
            CompilationUnit cu = torch.compile(source);
            cu.retainReference();
            return new NativeCompilationUnit(cu, source);
        } catch (RuntimeException e) {
            throw CompileErrors.from(source, e);
        }
    }

    private CompilationUnit get() {
        if (closed.get()) throw new TorchException("compilation unit is closed");
        return unit;
    }

    public String source() {
        return source;
    }

    public List<FunctionInfo> functions() {
        try (PointerScope s = new PointerScope()) {
            FunctionVector fv = get().get_functions();
            List<FunctionInfo> out = new ArrayList<>();
            for (long i = 0; i < fv.size(); i++) out.add(FunctionInfo.of(NativeCallable.describe(fv.get(i).getSchema(), false)));
            return out;
        }
    }

    public NativeCallable function(String name) {
        NativeCallable c = functions.get(name);
        if (c != null) return c;
        synchronized (functions) {
            c = functions.get(name);
            if (c != null) return c;
            try (PointerScope s = new PointerScope()) {
                Function f = get().find_function(new QualifiedName(name));
                if (f == null || f.isNull()) {
                    throw new TorchException("no function '" + name + "' (functions: " + functions().stream().map(FunctionInfo::name).toList() + ")");
                }
                c = NativeCallable.ofFunction(f);
            }
            functions.put(name, c);
            return c;
        }
    }

    public Object call(String name, Object[] args) {
        return function(name).call(args, true);
    }

    public String graphText(String name) {
        NativeCallable c = function(name);
        try (PointerScope s = new PointerScope()) {
            org.bytedeco.pytorch.GraphFunction g = new org.bytedeco.pytorch.GraphFunction(c.function());
            return g.graph().toString();
        }
    }

    /**
     * A new module of class {@code className} whose methods are this unit's functions: each {@code def f(args)}
     * becomes {@code def f(self, args)} and calls between them become {@code self.f(...)}.
     */
    public NativeModule toModule(String className) {
        List<String> names = new ArrayList<>();
        Matcher m = DEF.matcher(source);
        while (m.find()) names.add(m.group(1));
        String methods = asMethods(source, names);
        try (PointerScope s = new PointerScope()) {
            JitModule module = new JitModule(new QualifiedName(className));
            module.register_attribute("training", TypeParser.parse("bool"), new IValue(false), false, false);
            module.define(methods);
            return NativeModule.own(module);
        } catch (RuntimeException e) {
            throw CompileErrors.from(methods, e);
        }
    }

    static String asMethods(String source, List<String> names) {
        String out = DEF.matcher(source).replaceAll(mr -> {
            String open = mr.group();
            return Matcher.quoteReplacement(open) + "self, ";
        });
        // a def with no parameters gets "self, )": tidy it
        out = out.replaceAll("self, \\s*\\)", "self)");
        for (String n : names) {
            out = out.replaceAll("(?<![.\\w])" + Pattern.quote(n) + "(\\s*\\()", "self." + Matcher.quoteReplacement(n) + "$1");
        }
        // the defs themselves were rewritten by the loop above: undo that
        out = out.replaceAll("(?m)^def\\s+self\\.", "def ");
        return out;
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            functions.clear();
            unit.releaseReference();
        }
    }
}
