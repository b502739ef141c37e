package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.Archives;
import io.tsstudio.engine.internal.torch.ModuleLoader;
import io.tsstudio.engine.internal.torch.NativeCompilationUnit;

import io.tsstudio.engine.nn.Module;
import io.tsstudio.engine.ops.ArchiveOperators;
import io.tsstudio.engine.ops.MissingOperatorException;
import io.tsstudio.engine.ops.SavedOperators;
import io.tsstudio.engine.trace.TraceFunction;
import io.tsstudio.engine.trace.TraceOptions;
import io.tsstudio.engine.trace.TracedFunction;
import io.tsstudio.engine.trace.Tracer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Map;

/** Loading, saving and compiling TorchScript. */
public final class Jit {
    private Jit() {
    }

    public static ScriptModule load(Path path) {
        return load(path, null, null);
    }

    public static ScriptModule load(Path path, Device device) {
        return load(path, device, null);
    }

    /**
     * Loads a TorchScript archive, optionally straight onto {@code device}. When {@code extraFilesOut} is given, every
     * extra file stored in the archive is put there by name. A file that is not TorchScript gives a TorchException
     * saying what it is.
     */
    public static ScriptModule load(Path path, Device device, Map<String, byte[]> extraFilesOut) {
        ModelFiles.requireTorchScript(path);
        ScriptModule m;
        try (ArchiveOperators.Prepared prepared = prepare(path)) {
            if (!prepared.missing().isEmpty()) throw new MissingOperatorException(path.getFileName().toString(), prepared.missing());
            m = ScriptModule.wrap(ModuleLoader.load(prepared.loadPath().toAbsolutePath().toString(), device));
        }
        if (extraFilesOut != null) {
            try {
                extraFilesOut.putAll(Archives.extraFiles(path));
            } catch (IOException e) {
                m.close();
                throw new TorchException("cannot read extra files of " + path + ": " + e.getMessage(), e);
            }
        }
        return m;
    }

    /** The archive LibTorch loads for {@code path}: itself, or a copy with torchvision's operators built in. */
    private static ArchiveOperators.Prepared prepare(Path path) {
        try {
            return ArchiveOperators.prepare(path);
        } catch (IOException e) {
            throw new TorchException("cannot read the code of " + path + ": " + e.getMessage(), e);
        }
    }

    /** Loads a TorchScript archive from bytes (through a temporary file: LibTorch reads files). */
    public static ScriptModule load(byte[] archive) {
        return load(archive, null);
    }

    public static ScriptModule load(byte[] archive, Device device) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("tsstudio-", ".pt");
            Files.write(tmp, archive);
            return load(tmp, device, null);
        } catch (IOException e) {
            throw new TorchException("cannot stage module bytes in a temporary file: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    public static void save(ScriptModule module, Path path) {
        save(module, path, Map.of());
    }

    /**
     * Saves atomically: the archive is written to a temporary file in the same directory, then moved over
     * {@code path}, so a reader never sees a half-written file. {@code extraFiles} are stored as {@code extra/NAME}.
     */
    public static void save(ScriptModule module, Path path, Map<String, String> extraFiles) {
        save(module, path, extraFiles, SavedOperators.defaultPolicy());
    }

    /**
     * As {@link #save(ScriptModule, Path, Map)}, choosing what the file carries for torchvision operators that the
     * built-in implementations provided (see {@link SavedOperators}).
     */
    public static void save(ScriptModule module, Path path, Map<String, String> extraFiles, SavedOperators operators) {
        writeAtomically(path, tmp -> {
            module.nativeHandle().save(tmp.toString(), extraFiles);
            finishSave(tmp, operators);
        });
    }

    private static void finishSave(Path written, SavedOperators operators) {
        try {
            ArchiveOperators.finishSave(written, operators);
        } catch (IOException e) {
            throw new TorchException("cannot write the operators of " + written + ": " + e.getMessage(), e);
        }
    }

    public static void saveForMobile(ScriptModule module, Path path) {
        writeAtomically(path, tmp -> module.nativeHandle().saveForMobile(tmp.toString()));
    }

    public static byte[] toBytes(ScriptModule module) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("tsstudio-", ".pt");
            module.nativeHandle().save(tmp.toString(), Map.of());
            return Files.readAllBytes(tmp);
        } catch (IOException e) {
            throw new TorchException("cannot serialize module: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Compiles TorchScript source ({@code def} functions). Errors are {@link CompileException}s with line/column. */
    public static CompilationUnit compile(String source) {
        return new CompilationUnit(NativeCompilationUnit.compile(source));
    }

    private interface Writer {
        void write(Path tmp);
    }

    /**
     * Writes through a file of the target's own name in a private temporary folder beside it, then moves it over the
     * target. The own name matters: LibTorch names the archive's top folder after the file (PyTorch's {@code model.pt}
     * holds {@code model/...}), so a temporary name would end up inside every saved file. The new file gets the
     * permissions an existing target had, otherwise the umask's (not a temporary file's owner-only ones).
     */
    private static void writeAtomically(Path path, Writer writer) {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmpDir = null;
        Path tmp = null;
        try {
            if (dir != null) Files.createDirectories(dir);
            tmpDir = Files.createTempDirectory(dir, "." + target.getFileName() + ".");
            tmp = tmpDir.resolve(target.getFileName());
            writer.write(tmp);
            keepPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new TorchException("cannot write " + path + ": " + e, e);
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(tmpDir);
        }
    }

    private static void keepPermissions(Path target, Path written) throws IOException {
        if (!Files.exists(target) || !Files.getFileStore(written).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        Files.setPosixFilePermissions(written, Files.getPosixFilePermissions(target));
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    // =====================================================================================================
    // ---- tracing (delegates to io.tsstudio.engine.trace; owned by the tracing work) ----
    // =====================================================================================================

    /** Traces a function of one tensor (see {@link Tracer#trace(TraceOptions, TraceFunction, Object...)}). */
    public static TracedFunction trace(java.util.function.Function<Tensor, ?> fn, Tensor x) {
        return Tracer.trace(fn, x);
    }

    public static TracedFunction trace(java.util.function.BiFunction<Tensor, Tensor, ?> fn, Tensor x, Tensor y) {
        return Tracer.trace(fn, x, y);
    }

    /** Traces Java code on example inputs (Tensor, List of tensors, Map of String to Tensor, JitTuple of these). */
    public static TracedFunction trace(TraceFunction fn, Object... inputs) {
        return Tracer.trace(fn, inputs);
    }

    public static TracedFunction trace(TraceOptions options, TraceFunction fn, Object... inputs) {
        return Tracer.trace(options, fn, inputs);
    }

    /** Traces {@code module.forward}; respect mode (the default) traces train and eval mode. */
    public static ScriptModule trace(Module module, Object... inputs) {
        return Tracer.trace(module, inputs);
    }

    public static ScriptModule trace(TraceOptions options, Module module, Object... inputs) {
        return Tracer.trace(options, module, inputs);
    }

    /** Traces several methods, each on its own example inputs (see {@link Tracer#traceModule}). */
    public static ScriptModule traceModule(Module module, Map<String, java.util.List<?>> methods) {
        return Tracer.traceModule(module, methods);
    }

    public static ScriptModule traceModule(Module module, Map<String, java.util.List<?>> methods, TraceOptions options) {
        return Tracer.traceModule(module, methods, options);
    }

    /** Saves a traced function as a module whose {@code forward} is the function (R's jit_save of a script_function). */
    public static void save(TracedFunction function, Path path) {
        function.save(path);
    }

    public static void saveForMobile(TracedFunction function, Path path) {
        function.saveForMobile(path);
    }

    public static byte[] toBytes(TracedFunction function) {
        return function.serialize();
    }
}
