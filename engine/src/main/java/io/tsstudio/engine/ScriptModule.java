package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.Archives;
import io.tsstudio.engine.internal.torch.IrReader;
import io.tsstudio.engine.internal.torch.NativeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TorchScript module (loaded, compiled or traced). Thread-safe for calls: one module may be called from several
 * threads at once. Structural changes ({@link #define}, {@code register*}, {@code to}) must not race with calls.
 * Close it to free native memory; closing twice is harmless. Tensors this class hands out are owned by the caller.
 */
public final class ScriptModule implements AutoCloseable {
    private final NativeModule handle;
    private final Object codeLock = new Object();
    private ModuleCode code;
    private long codeVersion = -1;

    /** One save of the module gives both its class code and where that code sits in the archive. */
    private record ModuleCode(ArchiveContent<Map<String, String>> byClass, Map<String, CodeLocation> locations) {
    }

    static {
        EngineAccess.install();
    }

    private ScriptModule(NativeModule handle) {
        this.handle = handle;
    }

    /** Wraps a native owner; engine-internal code reaches this through {@code internal.torch.Handles}. */
    static ScriptModule wrap(NativeModule handle) {
        return new ScriptModule(handle);
    }

    NativeModule handle() {
        return handle;
    }

    // ---------------------------------------------------------------- calls

    /**
     * Calls a method. Arguments are converted by the method's declared types (see {@link JitTuple}, {@link JitObject};
     * null is None). Runs under InferenceMode unless the module is training.
     */
    public Object call(String method, Object... args) {
        return handle.call(method, args);
    }

    public Object forward(Object... args) {
        return handle.call("forward", args);
    }

    /**
     * Converts the arguments once for timing many calls of {@code method} ({@link PreparedCall}); the calls run under
     * InferenceMode when {@code inference} is true. Close it when done.
     */
    public PreparedCall prepare(String method, boolean inference, Object... args) {
        return new PreparedCall(handle, method, args, inference);
    }

    // ---------------------------------------------------------------- description

    /** The qualified class name, e.g. {@code __torch__.MyModule}. */
    public String className() {
        return handle.className();
    }

    public List<MethodInfo> methods() {
        return handle.methods();
    }

    public MethodInfo method(String name) {
        return handle.methodInfo(name);
    }

    public boolean hasMethod(String name) {
        return handle.methodNames().contains(name);
    }

    /** All parameters, recursive, with dotted names ({@code a.b.weight}); the tensors share the module's storage. */
    public LinkedHashMap<String, Tensor> namedParameters() {
        return new LinkedHashMap<>(handle.namedParameters(true));
    }

    public LinkedHashMap<String, Tensor> namedBuffers() {
        return new LinkedHashMap<>(handle.namedBuffers(true));
    }

    /** What each parameter is, without copying data. */
    public List<ParameterInfo> parameterInfos() {
        return handle.parameterInfos(false);
    }

    public List<ParameterInfo> bufferInfos() {
        return handle.parameterInfos(true);
    }

    public long totalParameterCount() {
        return handle.totalParameterCount();
    }

    /** Attributes of this module that are not parameters, buffers or submodules. */
    public List<AttributeInfo> attributes() {
        return handle.attributes();
    }

    /** Direct children. */
    public List<SubmoduleInfo> submodules() {
        return handle.submodules(false);
    }

    /** Every descendant module, recursive, by dotted name ({@code 0.0}); the root itself is not listed. */
    public List<SubmoduleInfo> namedModules() {
        return handle.submodules(true);
    }

    /** A submodule by dotted path; it shares state with this module. */
    public ScriptModule submodule(String path) {
        return new ScriptModule(handle.submodule(path));
    }

    /**
     * Calls {@code visitor} for every module of the hierarchy, this one first (path ""), in pre-order, each once with
     * its own attributes, methods, parameters and buffers: linear in the number of modules, unlike looking each one
     * up with {@link #submodule}. The visitor may throw (a {@link java.util.concurrent.CancellationException}, say) to
     * stop the walk.
     */
    public void describeModules(java.util.function.Consumer<ModuleDescription> visitor) {
        handle.describeModules(visitor);
    }

    /** The printed TorchScript code of every class this module uses, by qualified class name. */
    public Map<String, String> codeByClass() {
        ArchiveContent<Map<String, String>> code = classCode(ArchiveLimits.defaults());
        for (ArchiveContent.Skipped s : code.skipped()) {
            System.getLogger(ScriptModule.class.getName()).log(System.Logger.Level.WARNING, "code of " + className() + " not read: " + s);
        }
        return new LinkedHashMap<>(code.content());
    }

    /**
     * The printed code of every class, as {@link #codeByClass()}, reading no more than {@code limits} allow (a
     * module loaded from an untrusted file may carry huge code); the code files left out are listed as skipped.
     */
    public ArchiveContent<Map<String, String>> classCode(ArchiveLimits limits) {
        if (!limits.equals(ArchiveLimits.defaults())) return fromSavedArchive(p -> Archives.codeByClass(p, limits));
        return moduleCode().byClass();
    }

    /**
     * Where each class's code (as {@link #codeByClass()} gives it) sits in the archive's code files, by qualified
     * class name: how an IR node's source range finds its line in a class's code, and back.
     */
    public Map<String, CodeLocation> codeLocations() {
        return new LinkedHashMap<>(moduleCode().locations());
    }

    /**
     * Printing the code means saving the whole module (as long as loading it, on a big model): both readers share one
     * save (read within the default limits), kept until a define or register anywhere may have changed the code.
     */
    private ModuleCode moduleCode() {
        synchronized (codeLock) {
            long version = NativeModule.codeVersion();
            if (code == null || codeVersion != version) {
                ArchiveLimits limits = ArchiveLimits.defaults();
                code = fromSavedArchive(p -> new ModuleCode(Archives.codeByClass(p, limits), Archives.codeLocations(p, limits).content()));
                codeVersion = version;
            }
            return code;
        }
    }

    private interface ArchiveReader<T> {
        T read(Path archive) throws IOException;
    }

    /** LibTorch prints a module's code only into a saved archive: save to a temp file, read it, delete it. */
    private <T> T fromSavedArchive(ArchiveReader<T> reader) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("tsstudio-code-", ".pt");
            Jit.requireSpace(tmp, Jit.estimatedArchiveBytes(this));
            handle.save(tmp.toString(), Map.of());
            return reader.read(tmp);
        } catch (IOException e) {
            throw new TorchException("cannot read the module's code: " + e.getMessage(), e);
        } finally {
            if (tmp != null) tmp.toFile().delete();
        }
    }

    /** The printed code of this module's own class. */
    public String code() {
        String code = codeByClass().get(className());
        return code != null ? code : "";
    }

    /**
     * The graph of one method as the IR model, not inlined: submodule calls stay {@code prim::CallMethod} nodes.
     * (Formerly {@code module.graph(method)}.)
     */
    public io.tsstudio.engine.ir.IrGraph graph(String method) {
        return IrReader.readMethod(handle, method);
    }

    public String graphText(String method) {
        return handle.graphText(method);
    }

    // ---------------------------------------------------------------- state

    public void train() {
        handle.train(true);
    }

    public void train(boolean on) {
        handle.train(on);
    }

    public void eval() {
        handle.train(false);
    }

    public boolean isTraining() {
        return handle.isTraining();
    }

    public void to(Device device) {
        handle.to(device);
    }

    public void to(DType dtype) {
        handle.to(dtype);
    }

    /** Parameters and buffers, recursive, as detached tensors sharing the module's storage. */
    public LinkedHashMap<String, Tensor> stateDict() {
        return new LinkedHashMap<>(handle.stateDict());
    }

    /**
     * R torch's {@code $.apply(fn)}: {@code fn} is applied, without grad, to every parameter and buffer (recursively)
     * and the results are copied back in place, so {@code requires_grad} is kept. A result must keep its tensor's
     * shape ({@code zero_}, {@code mul(2)}, {@code clamp}...).
     */
    public void apply(java.util.function.UnaryOperator<Tensor> fn) {
        Map<String, Tensor> state = handle.stateDict();
        Map<String, Tensor> results = new LinkedHashMap<>();
        try (NoGrad g = NoGrad.enter()) {
            for (Map.Entry<String, Tensor> e : state.entrySet()) results.put(e.getKey(), fn.apply(e.getValue()));
            handle.loadStateDict(results);
        } finally {
            for (Tensor t : results.values()) if (!state.containsValue(t)) t.close();
            state.values().forEach(Tensor::close);
        }
    }

    /** Copies the given values into the module's parameters and buffers (keys and shapes must match exactly). */
    public void loadStateDict(Map<String, Tensor> values) {
        handle.loadStateDict(values);
    }

    public void registerParameter(String name, Tensor value, boolean requiresGrad) {
        handle.registerParameter(name, value, requiresGrad);
    }

    public void registerBuffer(String name, Tensor value) {
        handle.registerBuffer(name, value);
    }

    // ---------------------------------------------------------------- transformations

    /** A new, frozen module (parameters inlined as constants); this one is unchanged. */
    public ScriptModule freeze() {
        return new ScriptModule(handle.freeze());
    }

    public ScriptModule optimizeForInference() {
        return new ScriptModule(handle.optimizeForInference());
    }

    /**
     * Adds the methods defined in {@code source} ({@code def name(self, ...)} at column 0), replacing existing methods
     * of the same name and keeping parameters. On a compile error the module is unchanged.
     */
    public void define(String source) {
        handle.define(source);
    }

    // ---------------------------------------------------------------- saving

    public void save(Path path) {
        Jit.save(this, path);
    }

    public void save(Path path, Map<String, String> extraFiles) {
        Jit.save(this, path, extraFiles);
    }

    public byte[] toBytes() {
        return Jit.toBytes(this);
    }

    public void saveForMobile(Path path) {
        Jit.saveForMobile(this, path);
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return isClosed() ? "ScriptModule(closed)" : "ScriptModule(" + className() + ")";
    }
}
