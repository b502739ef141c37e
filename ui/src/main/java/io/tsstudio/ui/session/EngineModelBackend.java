package io.tsstudio.ui.session;

import io.tsstudio.engine.ArchiveContent;
import io.tsstudio.engine.ArchiveLimits;
import io.tsstudio.engine.ClassCodeCheck;
import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.CompileException;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ModelFileInfo;
import io.tsstudio.engine.ModelFiles;
import io.tsstudio.engine.ParameterInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.SubmoduleInfo;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.AttributeInfo;
import io.tsstudio.engine.ArchiveModel;
import io.tsstudio.engine.ops.MissingOperatorException;
import io.tsstudio.ui.editor.CompileErrorText;
import io.tsstudio.ui.editor.CompletionItem;
import io.tsstudio.ui.editor.Diagnostic;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.editor.SourceChecker;
import io.tsstudio.ui.inspect.ModelSummary;
import io.tsstudio.ui.inspect.TensorEntry;
import io.tsstudio.ui.inspect.TensorValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * {@link ModelBackend} over the real engine (LibTorch through JavaCPP). Live checks of a class's code compile it in
 * the context of a saved copy of the model's archive ({@link ClassCodeCheck}), so checking never changes the module
 * the user is working on and names the archive's code uses resolve; "Recompile" defines the methods on the real one.
 */
public final class EngineModelBackend implements ModelBackend {
    private final Map<ScriptModule, ClassCodeCheck> checks = new IdentityHashMap<>();
    private final OperatorCatalog operators;

    public EngineModelBackend(OperatorCatalog operators) {
        this.operators = operators;
    }

    @Override
    public String libtorchVersion() {
        return Torch.version();
    }

    @Override
    public List<String> devices() {
        return Torch.devices().stream().map(Device::toString).toList();
    }

    @Override
    public OpenedFile open(Path file, OpenListener listener) throws IOException, ModelFileException {
        if (!Files.exists(file)) throw new ModelFileException("no such file: " + file);
        if (!Files.isRegularFile(file)) throw new ModelFileException(file + " is not a regular file");
        if (ModelFiles.hasSourceExtension(file)) return new OpenedFile.Source(file, Files.readString(file, StandardCharsets.UTF_8));
        ModelFileInfo info;
        try {
            info = ModelFiles.identify(file);
        } catch (TorchException e) {
            throw new ModelFileException(e.getMessage(), e);
        }
        switch (info.kind()) {
            case TORCHSCRIPT -> {
                return openTorchScript(file, listener);
            }
            case TORCH_SAVE -> {
                OpenModel model = new OpenModel(file, ModuleSummaries.ofStateDict(info, file), null);
                return new OpenedFile.StateDict(file, model, ModuleSummaries.stateDictText(info, file));
            }
            default -> {
                if (ModelFiles.looksLikeText(file)) return new OpenedFile.Source(file, Files.readString(file, StandardCharsets.UTF_8));
                throw new ModelFileException(file.getFileName() + " is neither a TorchScript model nor TorchScript source: it is "
                        + info.description() + ". Expected a TorchScript archive (.pt written by torch.jit.save), a torch.save archive, or a script (.py).");
            }
        }
    }

    /** Load, then (checking for cancel between steps) the inspector's summary, then the code of each class. */
    private static OpenedFile openTorchScript(Path file, OpenListener listener) throws IOException, ModelFileException {
        listener.progress("Loading " + file.getFileName(), -1);
        ScriptModule m;
        try {
            m = Jit.load(file);
        } catch (MissingOperatorException e) {
            return needsOperators(file, e);
        } catch (TorchException e) {
            throw new ModelFileException("cannot load " + file.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            checkCancelled(listener);
            listener.loaded(m);
            String reading = "Reading modules of " + file.getFileName();
            ModelSummary summary = ModuleSummaries.of(m, file, (modules, fraction) -> {
                checkCancelled(listener);
                if (modules % 256 == 0 || fraction >= 1) listener.progress(reading, fraction);
            });
            checkCancelled(listener);
            listener.progress("Reading the code of " + file.getFileName(), -1);
            ArchiveContent<Map<String, String>> code = m.classCode(ArchiveLimits.defaults());
            checkCancelled(listener);
            return new OpenedFile.Model(file, new OpenModel(file, summary, m), rootClassFirst(summary, code.content()),
                    code.skipped().stream().map(ArchiveContent.Skipped::toString).toList());
        } catch (CancellationException e) {
            closeShared(m);
            throw e;
        } catch (RuntimeException e) {
            closeShared(m);
            throw new ModelFileException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes a module that {@link OpenListener#loaded} may have shared: views that read it while it opens hold its
     * monitor and check {@link ScriptModule#isClosed()} first.
     */
    private static void closeShared(ScriptModule m) {
        synchronized (m) {
            m.close();
        }
    }

    private static void checkCancelled(OpenListener listener) {
        if (listener.cancelled()) throw new CancellationException("opening was cancelled");
    }

    /** Opens what the archive itself holds (code, module tree, tensors' shapes) and says which operators it needs. */
    private static OpenedFile needsOperators(Path file, MissingOperatorException e) throws IOException {
        ArchiveModel archive = ArchiveModel.read(file);
        String notice = file.getFileName() + " " + MissingOperatorException.describe(e.missing())
                + ": it cannot run or be drawn until that library is loaded (Edit > Preferences > Load Operator Library\u2026)";
        OpenModel model = new OpenModel(file, ModuleSummaries.ofArchive(archive, file, notice), null);
        Map<String, String> code = new java.util.LinkedHashMap<>();
        if (archive.codeByClass().containsKey(archive.className())) code.put(archive.className(), archive.codeByClass().get(archive.className()));
        archive.codeByClass().forEach(code::putIfAbsent);
        return new OpenedFile.NeedsOperators(file, model, code, notice);
    }

    /** The module's own class first (its tab opens active), then the others in module order. */
    static Map<String, String> rootClassFirst(ModelSummary summary, Map<String, String> code) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String c : ModuleSummaries.classesInModuleOrder(summary)) if (code.containsKey(c)) out.put(c, code.get(c));
        code.forEach(out::putIfAbsent);
        return out;
    }

    @Override
    public SourceChecker scriptChecker() {
        return source -> {
            if (source.isBlank()) return List.of();
            try (CompilationUnit cu = Jit.compile(source)) {
                return List.of();
            } catch (CompileException e) {
                return List.of(diagnostic(e, 0));
            } catch (TorchException e) {
                return List.of(Diagnostic.error(1, 1, 1, e.getMessage()));
            }
        };
    }

    // TorchScript's parser wants the last line terminated ("expected newline but found 'eof'"); an editor buffer
    // often is not, and that is no error of the user's. (Jit.compile does the same for scripts.)
    private static String withFinalNewline(String source) {
        return source.endsWith("\n") ? source : source + "\n";
    }

    static Diagnostic diagnostic(CompileException e, int columnShift) {
        int length = CompileErrorText.parse(e.getMessage())
                .filter(d -> d.line() == e.line())
                .map(Diagnostic::length).orElse(1);
        String message = e.shortMessage() == null || e.shortMessage().isBlank() ? CompileErrorText.shortMessage(e.getMessage()) : e.shortMessage();
        return Diagnostic.error(e.line(), e.column() + columnShift, length, message);
    }

    @Override
    public SourceChecker classCodeChecker(OpenModel model, String className) {
        return source -> {
            ClassCodeText code = ClassCodeText.parse(source);
            if (code.methodCount() == 0) return List.of();
            ClassCodeCheck check = checkOf(model.module());
            if (check == null) return List.of(); // the model was closed while this check waited
            try {
                check.check(className, source);
                return List.of();
            } catch (CompileException e) {
                return List.of(diagnostic(e, 0));
            } catch (TorchException e) {
                return List.of(Diagnostic.error(1, 1, 1, e.getMessage()));
            }
        };
    }

    /**
     * One saved copy of each model for its class checks (compiled in the context of the model's archive); null once
     * the model is closed (a late check must not revive one).
     */
    private synchronized ClassCodeCheck checkOf(ScriptModule module) {
        if (module.isClosed()) return null;
        return checks.computeIfAbsent(module, ClassCodeCheck::of);
    }

    private synchronized void forgetCheck(ScriptModule module) {
        ClassCodeCheck c = checks.remove(module);
        if (c != null) c.close();
    }

    /** The dotted path of a module instance of {@code className} ("" for the root), found in the model's summary. */
    private static String instancePath(OpenModel model, String className) {
        String path = ModuleSummaries.instancePath(model.summary(), className);
        if (path == null) throw new TorchException("no module of class " + className + " in this model");
        return path;
    }

    /** A submodule handle that is closed after use, or the root itself (not closed). */
    private record Scoped(ScriptModule module, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) module.close();
        }
    }

    private static Scoped scoped(ScriptModule root, String path) {
        return path.isEmpty() ? new Scoped(root, false) : new Scoped(root.submodule(path), true);
    }

    @Override
    public OpenModel recompile(OpenModel model, String className, String classCode) throws CompileFailure {
        ClassCodeText code = ClassCodeText.parse(classCode);
        if (code.methodCount() == 0) {
            throw new CompileFailure("the code of " + className + " has no methods to compile", List.of(), null);
        }
        ScriptModule m = model.module();
        forgetCheck(m);
        try (Scoped target = scoped(m, instancePath(model, className))) {
            target.module().define(withFinalNewline(code.methodsSource()));
        } catch (CompileException e) {
            Diagnostic d = diagnostic(e, code.indent());
            throw new CompileFailure(d.location() + ": " + d.message(), List.of(d), e);
        } catch (TorchException e) {
            throw new CompileFailure(e.getMessage(), List.of(Diagnostic.error(1, 1, 1, e.getMessage())), e);
        }
        return new OpenModel(model.file(), ModuleSummaries.of(m, model.file()), m);
    }

    @Override
    public void save(OpenModel model, Path target) throws IOException {
        try {
            Jit.save(model.module(), target);
        } catch (TorchException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void compileToFile(String source, Path target) throws CompileFailure, IOException {
        try (CompilationUnit cu = Jit.compile(withFinalNewline(source)); ScriptModule m = cu.toModule(classNameFor(target))) {
            Jit.save(m, target);
        } catch (CompileException e) {
            Diagnostic d = diagnostic(e, 0);
            throw new CompileFailure(d.location() + ": " + d.message(), List.of(d), e);
        } catch (TorchException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** {@code my-model.pt} becomes class {@code MyModel}. */
    static String classNameFor(Path target) {
        String base = target.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : base.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            } else {
                up = true;
            }
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) sb.insert(0, "Script");
        return sb.toString();
    }

    @Override
    public Map<String, String> codeByClass(OpenModel model) {
        return rootClassFirst(model.summary(), model.module().codeByClass());
    }

    @Override
    public TensorValueSource tensorValues(OpenModel model) {
        return (TensorEntry t) -> {
            if (model.module() == null) {
                throw new UnsupportedOperationException("tensor values of a torch.save archive are not loaded (only names, shapes and dtypes)");
            }
            Map<String, Tensor> all = t.role() == TensorEntry.Role.BUFFER ? model.module().namedBuffers() : model.module().namedParameters();
            try {
                Tensor x = all.get(t.name());
                if (x == null) throw new IllegalArgumentException("no tensor named " + t.name());
                return x.toDoubleArray();
            } finally {
                all.values().forEach(Tensor::close);
            }
        };
    }

    @Override
    public OperatorCatalog operators() {
        return operators;
    }

    @Override
    public List<CompletionItem> selfMembers(OpenModel model, String className) {
        ScriptModule root = model.module();
        if (root == null) return List.of();
        List<CompletionItem> out = new ArrayList<>();
        String path;
        try {
            path = instancePath(model, className);
        } catch (TorchException e) {
            return out;
        }
        try (Scoped s = scoped(root, path)) {
            ScriptModule m = s.module();
            for (SubmoduleInfo c : m.submodules()) {
                out.add(new CompletionItem(CompletionItem.Kind.MEMBER, c.name(), "submodule " + c.className() + "  (call as self." + c.name() + ".forward(...))", c.name()));
            }
            for (ParameterInfo p : m.parameterInfos()) {
                String local = p.name();
                if (!local.contains(".")) out.add(new CompletionItem(CompletionItem.Kind.MEMBER, local,
                        "parameter Tensor " + p.shape() + " " + p.dtype().jsonName(), local));
            }
            for (ParameterInfo p : m.bufferInfos()) {
                if (!p.name().contains(".")) out.add(new CompletionItem(CompletionItem.Kind.MEMBER, p.name(),
                        "buffer Tensor " + p.shape() + " " + p.dtype().jsonName(), p.name()));
            }
            for (AttributeInfo a : m.attributes()) out.add(new CompletionItem(CompletionItem.Kind.MEMBER, a.name(), "attribute " + a.type(), a.name()));
            for (MethodInfo mi : m.methods()) out.add(new CompletionItem(CompletionItem.Kind.METHOD, mi.name(), mi.schema(), mi.name()));
        }
        return out;
    }

    @Override
    public void close(OpenModel model) {
        if (model.module() == null) return;
        ClassCodeCheck check;
        synchronized (this) {
            check = checks.remove(model.module());
            closeShared(model.module()); // under the same lock as checkOf, so no check is prepared after this
        }
        if (check != null) check.close(); // waits for a check in flight (ClassCodeCheck's own lock)
    }
}
