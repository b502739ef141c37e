package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.AttributeInfo;
import io.tsstudio.engine.CompileException;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ModuleDescription;
import io.tsstudio.engine.ParameterInfo;
import io.tsstudio.engine.SubmoduleInfo;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.ClassType;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.ExtraFilesMap;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.global.torch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sole owner of one native {@code torch::jit::Module}. The public {@link io.tsstudio.engine.ScriptModule} holds one
 * of these. A module handle obtained from another module (a submodule) shares the underlying object, which is
 * reference counted natively, so closing either handle is safe.
 */
public final class NativeModule implements AutoCloseable {
    private static final Pattern DEF = Pattern.compile("^def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(", Pattern.MULTILINE);

    private final JitModule module;
    private final NativeLifetime life;
    private final Map<String, NativeCallable> methods = new ConcurrentHashMap<>();
    /** Bumped by every change that can change printed class code, in any module (a submodule shares its class). */
    private static final java.util.concurrent.atomic.AtomicLong CODE_VERSION = new java.util.concurrent.atomic.AtomicLong();

    private NativeModule(JitModule module) {
        this.module = module;
        String name;
        try (PointerScope s = new PointerScope()) {
            name = "module " + module.type().name().get().qualifiedName().getString();
        }
        this.life = new NativeLifetime(() -> name);
    }

    /** Takes ownership of {@code m} (one retained reference, so an enclosing PointerScope cannot free it). */
    public static NativeModule own(JitModule m) {
        // a copy shares the module object (refcount); what was passed may be a reference into a temporary
        JitModule copy = new JitModule(m);
        copy.retainReference();
        return new NativeModule(copy);
    }

    /**
     * The native module, valid until {@link #close()}. Callers must not close or retain it, and should hold a
     * {@link #use()} while they work on it (this class's own methods do).
     */
    public JitModule get() {
        life.requireOpen();
        return module;
    }

    /** Keeps the module from being freed until the use is closed; throws IllegalStateException once closed. */
    public NativeLifetime.Use use() {
        return life.enter();
    }

    /** A use no other use overlaps: for changes to the module's type (methods added by a trace or a define). */
    NativeLifetime.Use useExclusive() {
        return life.enterExclusive();
    }

    public boolean isClosed() {
        return life.isClosed();
    }

    /** True once the native module is released (a close waits for the calls in flight to end first). */
    public boolean isFreed() {
        return life.isFreed();
    }

    /** New calls fail from now on; the native module is released when the calls in flight have ended. */
    @Override
    public void close() {
        life.close(() -> {
            releaseMethods();
            module.releaseReference();
        });
    }

    private void releaseMethods() {
        for (NativeCallable c : methods.values()) c.release();
        methods.clear();
    }

    // ---------------------------------------------------------------- calls

    /** The cached callable for a method; reads its schema on first use. */
    public NativeCallable method(String name) {
        try (NativeLifetime.Use use = life.enter()) {
            NativeCallable c = methods.get(name);
            if (c != null) return c;
            synchronized (methods) {
                c = methods.get(name);
                if (c != null) return c;
                try (PointerScope s = new PointerScope()) {
                    JitModule m = module;
                    if (!m.find_method(name).has_value()) {
                        List<String> names = methodNames();
                        // R torch's wording for the usual cause: a traced module's children are inlined into its graph
                        String hint = name.equals("forward") && names.isEmpty()
                                ? ". Methods from submodules of traced modules are not traced: call the traced module itself" : "";
                        throw new TorchException("module " + className() + " has no method '" + name + "' (methods: " + names + ")" + hint);
                    }
                    c = NativeCallable.ofMethod(m.get_method(name));
                }
                methods.put(name, c);
                return c;
            }
        }
    }

    /** Calls a method; under InferenceMode unless the module is training. */
    public Object call(String name, Object[] args) {
        try (NativeLifetime.Use use = life.enter()) {
            NativeCallable c = method(name);
            // Inside a trace, a call on a child of the traced module is recorded as prim::CallMethod (tracing hook).
            if (TraceState.active()) return Tracing.recordCall(this, name, args, () -> c.call(args, false));
            CallCheck check = callCheck;
            if (check != null) return check.around(this, name, args, () -> c.call(args, !module.is_training()));
            return c.call(args, !module.is_training());
        }
    }

    /**
     * Sees every module call, for the test suite: it runs the observing executor beside the normal call on the R
     * cases and compares (ObservedCallsCheck). Not for production use.
     */
    public interface CallCheck {
        Object around(NativeModule module, String method, Object[] args, java.util.function.Supplier<Object> normal);
    }

    private static volatile CallCheck callCheck;

    /** Installs (or with null removes) the test suite's call check. */
    public static void checkCalls(CallCheck check) {
        callCheck = check;
    }

    // ---------------------------------------------------------------- description

    public String className() {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            return ModuleReader.className(module);
        }
    }

    public List<String> methodNames() {
        try (NativeLifetime.Use use = life.enter()) {
            List<String> out = new ArrayList<>();
            for (MethodInfo m : methods()) out.add(m.name());
            return out;
        }
    }

    public List<MethodInfo> methods() {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            return new ArrayList<>(ModuleReader.methodsOf(module.type()));
        }
    }

    public MethodInfo methodInfo(String name) {
        try (NativeLifetime.Use use = life.enter()) {
            return method(name).info();
        }
    }

    public Map<String, Tensor> namedParameters(boolean recurse) {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            return ModuleReader.owned(ModuleReader.tensors(module, true, false, recurse));
        }
    }

    public Map<String, Tensor> namedBuffers(boolean recurse) {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            return ModuleReader.owned(ModuleReader.tensors(module, false, true, recurse));
        }
    }

    public List<ParameterInfo> parameterInfos(boolean buffers) {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            return ModuleReader.parameterInfos(ModuleReader.tensors(module, !buffers, buffers, true));
        }
    }

    public long totalParameterCount() {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            long total = 0;
            for (org.bytedeco.pytorch.Tensor t : ModuleReader.tensors(module, true, false, true).values()) if (t.defined()) total += t.numel();
            return total;
        }
    }

    public List<SubmoduleInfo> submodules(boolean recurse) {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            return ModuleReader.submodules(module, recurse);
        }
    }

    /** A dotted path of child names, e.g. {@code encoder.layer1}. */
    public NativeModule submodule(String path) {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            return own(ModuleReader.child(module, path));
        }
    }

    public List<AttributeInfo> attributes() {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            return ModuleReader.attributes(module);
        }
    }

    /**
     * Every module of the hierarchy, the root first, in pre-order, each visited once: a module's children are read
     * once, on the way down (looking each one up by path scans its parent's children, which made summaries of a
     * 14,000-module model quadratic). Methods are read once per class. {@code visitor} may throw to stop the walk.
     */
    public void describeModules(Consumer<ModuleDescription> visitor) {
        try (NativeLifetime.Use use = life.enter(); PointerScope s = new PointerScope()) {
            ModuleReader.describe(module, "", new HashMap<>(), visitor);
        }
    }

    public String graphText(String methodName) {
        try (NativeLifetime.Use use = life.enter()) {
            NativeCallable c = method(methodName);
            try (PointerScope s = new PointerScope()) {
                return c.method().graph().toString();
            } catch (RuntimeException e) { // printing unpickles the archive's debug info lazily (see IrReader.read)
                throw new TorchException("cannot print the graph of " + methodName + ": " + Errors.clean(e), e);
            }
        }
    }

    // ---------------------------------------------------------------- state

    public void train(boolean on) {
        try (NativeLifetime.Use use = life.enter()) {
            module.train(on);
        }
    }

    public boolean isTraining() {
        try (NativeLifetime.Use use = life.enter()) {
            return module.is_training();
        }
    }

    public void to(Device device) {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                module.to(new org.bytedeco.pytorch.Device(device.toString()));
            } catch (RuntimeException e) {
                throw Errors.wrap("cannot move module to " + device, e);
            }
        }
    }

    public void to(DType dtype) {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                module.to(Dtypes.toScalarType(dtype));
            } catch (RuntimeException e) {
                throw Errors.wrap("cannot convert module to " + dtype, e);
            }
        }
    }

    /** Parameters then buffers, recursive, as detached tensors sharing the module's storage. */
    public Map<String, Tensor> stateDict() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (Map.Entry<String, org.bytedeco.pytorch.Tensor> e : ModuleReader.tensors(module, true, true, true).entrySet()) {
                    out.put(e.getKey(), Handles.wrap(NativeTensor.own(e.getValue().detach())));
                }
                return out;
            }
        }
    }

    /** Copies values in place (strict: every key must exist, no key may be missing, shapes must match). */
    public void loadStateDict(Map<String, Tensor> values) {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                Map<String, org.bytedeco.pytorch.Tensor> targets = ModuleReader.tensors(module, true, true, true);
                Set<String> missing = new LinkedHashSet<>(targets.keySet());
                missing.removeAll(values.keySet());
                Set<String> unexpected = new LinkedHashSet<>(values.keySet());
                unexpected.removeAll(targets.keySet());
                if (!missing.isEmpty() || !unexpected.isEmpty()) {
                    throw new TorchException("state dict does not match the module: "
                            + (missing.isEmpty() ? "" : "missing keys " + missing) + (missing.isEmpty() || unexpected.isEmpty() ? "" : ", ")
                            + (unexpected.isEmpty() ? "" : "unexpected keys " + unexpected));
                }
                for (Map.Entry<String, Tensor> e : values.entrySet()) {
                    org.bytedeco.pytorch.Tensor target = targets.get(e.getKey());
                    long[] want = NativeTensor.shapeOf(target);
                    long[] got = e.getValue().shape();
                    if (!java.util.Arrays.equals(want, got)) {
                        throw new TorchException("state dict entry '" + e.getKey() + "' has shape " + java.util.Arrays.toString(got)
                                + " but the module expects " + java.util.Arrays.toString(want));
                    }
                }
                for (Map.Entry<String, Tensor> e : values.entrySet()) {
                    targets.get(e.getKey()).detach().copy_(Handles.of(e.getValue()).share());
                }
            } catch (RuntimeException e) {
                throw Errors.wrap("cannot load state dict", e);
            }
        }
    }

    /** Changes whenever a module's class code may have changed (define, register); caches of printed code compare it. */
    public static long codeVersion() {
        return CODE_VERSION.get();
    }

    static void codeChanged() {
        CODE_VERSION.incrementAndGet();
    }

    public void registerParameter(String name, Tensor value, boolean requiresGrad) {
        codeChanged();
        try (NativeLifetime.Use use = life.enter()) {
            checkPlainName(name);
            try (PointerScope s = new PointerScope()) {
                org.bytedeco.pytorch.Tensor t = Handles.of(value).share().detach();
                t.set_requires_grad(requiresGrad);
                module.register_parameter(name, t, false);
            } catch (RuntimeException e) {
                throw Errors.wrap("cannot register parameter '" + name + "'", e);
            }
        }
    }

    public void registerBuffer(String name, Tensor value) {
        codeChanged();
        try (NativeLifetime.Use use = life.enter()) {
            checkPlainName(name);
            try (PointerScope s = new PointerScope()) {
                module.register_buffer(name, Handles.of(value).share().detach());
            } catch (RuntimeException e) {
                throw Errors.wrap("cannot register buffer '" + name + "'", e);
            }
        }
    }

    private static void checkPlainName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new TorchException("'" + name + "' is not a plain attribute name (register on the submodule instead)");
        }
    }

    // ---------------------------------------------------------------- transformations

    public NativeModule freeze() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                return own(torch.freeze(evalCopy()));
            } catch (RuntimeException e) {
                throw Errors.wrap("cannot freeze " + className(), e);
            }
        }
    }

    public NativeModule optimizeForInference() {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                return own(torch.optimize_for_inference(evalCopy()));
            } catch (RuntimeException e) {
                throw Errors.wrap("cannot optimize " + className() + " for inference", e);
            }
        }
    }

    /** Freezing needs eval mode; a training module is frozen through an eval-mode clone so this one is unchanged. */
    private JitModule evalCopy() {
        JitModule m = module;
        if (!m.is_training()) return m;
        JitModule c = m.clone();
        c.eval();
        return c;
    }

    /**
     * Adds the methods in {@code source}, replacing methods of the same name. The source is compiled first against a
     * clone sharing this module's tensors, so a compile error leaves this module unchanged.
     */
    public void define(String source) {
        codeChanged();
        try (NativeLifetime.Use use = life.enterExclusive()) {
            Set<String> names = new LinkedHashSet<>();
            Matcher m = DEF.matcher(source);
            while (m.find()) names.add(m.group(1));
            synchronized (methods) {
                try (PointerScope s = new PointerScope()) {
                    JitModule trial = module.clone(true);
                    defineReplacing(trial, names, source);
                    defineReplacing(module, names, source);
                } catch (CompileException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw CompileErrors.from(source, e);
                } finally {
                    releaseMethods();
                }
            }
        }
    }

    private static void defineReplacing(JitModule target, Set<String> names, String source) {
        ClassType type = target.type();
        CompilationUnit cu = type.compilation_unit();
        String qualified = type.name().get().qualifiedName().getString();
        for (String n : names) {
            if (type.hasMethod(n)) {
                type.unsafeRemoveMethod(n);
                cu.unsafeRemoveMethod(new QualifiedName(qualified + "." + n));
            }
        }
        target.define(source);
    }

    // ---------------------------------------------------------------- saving

    public void save(String path, Map<String, String> extraFiles) {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                ExtraFilesMap extra = new ExtraFilesMap();
                if (extraFiles != null) {
                    for (Map.Entry<String, String> e : extraFiles.entrySet()) {
                        extra.put(new org.bytedeco.javacpp.BytePointer(e.getKey(), StandardCharsets.UTF_8),
                                new org.bytedeco.javacpp.BytePointer(e.getValue(), StandardCharsets.UTF_8));
                    }
                }
                module.save(path, extra);
            } catch (RuntimeException e) {
                throw Errors.wrap("cannot save module to " + path, e);
            }
        }
    }

    public void saveForMobile(String path) {
        try (NativeLifetime.Use use = life.enter()) {
            try (PointerScope s = new PointerScope()) {
                module._save_for_mobile(path);
            } catch (RuntimeException e) {
                throw Errors.wrap("cannot save module for mobile to " + path, e);
            }
        }
    }
}
