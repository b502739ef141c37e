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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Owner of a compilation unit compiled from TorchScript source, and the source it came from. */
public final class NativeCompilationUnit implements AutoCloseable {
    private static final Pattern DEF = Pattern.compile("^def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(", Pattern.MULTILINE);

    private final CompilationUnit unit;  // plain source: LibTorch's compilation unit
    private final NativeModule host;     // source with classes: its functions are methods of this module
    private final String source;
    private final NativeLifetime life = new NativeLifetime(() -> "compilation unit");
    private final Map<String, NativeCallable> functions = new ConcurrentHashMap<>();

    private NativeCompilationUnit(CompilationUnit unit, NativeModule host, String source) {
        this.unit = unit;
        this.host = host;
        this.source = source;
    }

    /** Compiles {@code source}; a compile error becomes a CompileException with line and column. */
    public static NativeCompilationUnit compile(String source) {
        if (ScriptArchive.definesClasses(source)) return new NativeCompilationUnit(null, loadWithClasses(source, "StudioUnit"), source);
        try (PointerScope s = new PointerScope()) {
            // The parser wants the last line terminated ("expected newline but found 'eof'"); a file or buffer often is
            // not, and that is no error of the user's. CompileErrors maps end-of-input positions back onto the source.
            CompilationUnit cu = torch.compile(source.endsWith("\n") ? source : source + "\n");
            cu.retainReference();
            return new NativeCompilationUnit(cu, null, source);
        } catch (RuntimeException e) {
            throw CompileErrors.from(source, e);
        }
    }

    /** Compiles source with classes through LibTorch's archive importer (see ScriptArchive). */
    private static NativeModule loadWithClasses(String source, String simpleName) {
        ScriptArchive.Generated g = ScriptArchive.generate(source, simpleName);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("tsstudio-unit-", ".pt");
            Files.write(tmp, ScriptArchive.archive(g.code(), simpleName));
            try (PointerScope s = new PointerScope()) {
                return NativeModule.own(torch.load(tmp.toString()));
            } catch (RuntimeException e) {
                throw CompileErrors.from(source, g, e);
            }
        } catch (IOException e) {
            throw new TorchException("cannot stage compiled source: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private CompilationUnit get() {
        life.requireOpen();
        return unit;
    }

    public String source() {
        return source;
    }

    public List<FunctionInfo> functions() {
        try (NativeLifetime.Use use = life.enter()) {
            if (host != null) return host.methods().stream().map(FunctionInfo::of).toList();
            try (PointerScope s = new PointerScope()) {
                FunctionVector fv = unit.get_functions();
                List<FunctionInfo> out = new ArrayList<>();
                for (long i = 0; i < fv.size(); i++) out.add(FunctionInfo.of(NativeCallable.describe(fv.get(i).getSchema(), false)));
                return out;
            }
        }
    }

    public NativeCallable function(String name) {
        try (NativeLifetime.Use use = life.enter()) {
            if (host != null) {
                if (!host.methodNames().contains(name)) {
                    throw new TorchException("no function '" + name + "' (functions: " + host.methodNames() + ")");
                }
                return host.method(name);
            }
            NativeCallable c = functions.get(name);
            if (c != null) return c;
            synchronized (functions) {
                c = functions.get(name);
                if (c != null) return c;
                try (PointerScope s = new PointerScope()) {
                    Function f = unit.find_function(new QualifiedName(name));
                    if (f == null || f.isNull()) {
                        throw new TorchException("no function '" + name + "' (functions: " + functions().stream().map(FunctionInfo::name).toList() + ")");
                    }
                    c = NativeCallable.ofFunction(f);
                }
                functions.put(name, c);
                return c;
            }
        }
    }

    public Object call(String name, Object[] args) {
        try (NativeLifetime.Use use = life.enter()) {
            return function(name).call(args, true);
        }
    }

    public String graphText(String name) {
        try (NativeLifetime.Use use = life.enter()) {
            if (host != null) return host.graphText(name);
            NativeCallable c = function(name);
            try (PointerScope s = new PointerScope()) {
                org.bytedeco.pytorch.GraphFunction g = new org.bytedeco.pytorch.GraphFunction(c.function());
                return g.graph().toString();
            }
        }
    }

    /**
     * A new module of class {@code className} whose methods are this unit's functions: each {@code def f(args)}
     * becomes {@code def f(self, args)} and calls between them become {@code self.f(...)}.
     */
    public NativeModule toModule(String className) {
        try (NativeLifetime.Use use = life.enter()) {
            if (host != null) {
                String simple = className.startsWith("__torch__.") ? className.substring(10) : className;
                if (!simple.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new TorchException("class name '" + className + "' must be a plain name (or __torch__.Name) when the source defines classes");
                }
                return loadWithClasses(source, simple);
            }
            List<String> names = new ArrayList<>();
            Matcher m = DEF.matcher(source);
            while (m.find()) names.add(m.group(1));
            String methods = asMethods(source, names);
            // same naming as the class path (and as PyTorch): classes live under __torch__
            String qualified = className.startsWith("__torch__.") ? className : "__torch__." + className;
            try (PointerScope s = new PointerScope()) {
                JitModule module = new JitModule(new QualifiedName(qualified));
                module.register_attribute("training", TypeParser.parse("bool"), new IValue(false), false, false);
                module.define(methods);
                return NativeModule.own(module);
            } catch (RuntimeException e) {
                throw CompileErrors.from(methods, e);
            }
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
        return life.isClosed();
    }

    /** New calls fail from now on; the unit is released when the calls in flight have ended. */
    @Override
    public void close() {
        life.close(() -> {
            functions.clear();
            if (unit != null) unit.releaseReference();
            if (host != null) host.close();
        });
    }
}
