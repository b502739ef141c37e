package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.files.AtomicWrite;
import io.tsstudio.engine.internal.torch.Archives;
import io.tsstudio.engine.internal.torch.ModuleLoader;
import io.tsstudio.engine.internal.torch.NativeCompilationUnit;

import io.tsstudio.engine.ops.ArchiveOperators;
import io.tsstudio.engine.ops.MissingOperatorException;
import io.tsstudio.engine.ops.SavedOperators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * extra file stored in the archive is put there by name, within {@link ArchiveLimits#defaults()} (entries past
     * them are left out and logged; {@link #extraFiles} says which). A file that is not TorchScript gives a
     * TorchException saying what it is.
     */
    public static ScriptModule load(Path path, Device device, Map<String, byte[]> extraFilesOut) {
        ModelFiles.requireTorchScript(path);
        ScriptModule m;
        try (ArchiveOperators.Prepared prepared = prepare(path)) {
            if (!prepared.missing().isEmpty()) throw new MissingOperatorException(path.getFileName().toString(), prepared.missing());
            m = Handles.wrap(ModuleLoader.load(prepared.loadPath().toAbsolutePath().toString(), device));
        }
        if (extraFilesOut != null) {
            try {
                ArchiveContent<Map<String, byte[]>> extra = extraFiles(path, ArchiveLimits.defaults());
                extraFilesOut.putAll(extra.content());
                for (ArchiveContent.Skipped s : extra.skipped()) {
                    System.getLogger(Jit.class.getName()).log(System.Logger.Level.WARNING, "extra file of " + path + " not read: " + s);
                }
            } catch (TorchException e) {
                m.close();
                throw e;
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

    /**
     * The {@code extra/} files of a TorchScript archive by name, reading no more than {@code limits} allow: an archive
     * is untrusted input, and a few KB of zip can inflate to GBs. What was left out is in {@link ArchiveContent#skipped()}.
     */
    public static ArchiveContent<Map<String, byte[]>> extraFiles(Path path, ArchiveLimits limits) {
        try {
            return Archives.extraFiles(path, limits);
        } catch (IOException e) {
            throw new TorchException("cannot read extra files of " + path + ": " + e.getMessage(), e);
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
     * Saves atomically ({@link AtomicWrite}): a reader never sees a half-written file, a failed save leaves the old
     * file, and a file saved over keeps its permissions. {@code extraFiles} are stored as {@code extra/NAME}.
     */
    public static void save(ScriptModule module, Path path, Map<String, String> extraFiles) {
        save(module, path, extraFiles, SavedOperators.defaultPolicy());
    }

    /**
     * As {@link #save(ScriptModule, Path, Map)}, choosing what the file carries for torchvision operators that the
     * built-in implementations provided (see {@link SavedOperators}).
     */
    public static void save(ScriptModule module, Path path, Map<String, String> extraFiles, SavedOperators operators) {
        long extra = 0;
        for (Map.Entry<String, String> e : extraFiles.entrySet()) extra += e.getKey().length() + 4L * e.getValue().length();
        writeAtomically(path, estimatedArchiveBytes(module) + extra, tmp -> {
            Handles.of(module).save(tmp.toString(), extraFiles);
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
        writeAtomically(path, estimatedArchiveBytes(module), tmp -> Handles.of(module).saveForMobile(tmp.toString()));
    }

    /** Tensor data plus room for code, pickles and zip headers; an overestimate is fine, an underestimate is not. */
    static long estimatedArchiveBytes(ScriptModule module) {
        long bytes = 0;
        for (ParameterInfo p : module.parameterInfos()) bytes += p.bytes();
        for (ParameterInfo p : module.bufferInfos()) bytes += p.bytes();
        return bytes + bytes / 20 + (1 << 20);
    }

    public static byte[] toBytes(ScriptModule module) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("tsstudio-", ".pt");
            saveUnchanged(module, tmp);
            return Files.readAllBytes(tmp);
        } catch (IOException e) {
            throw new TorchException("cannot serialize module: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * LibTorch's own save of {@code module} into a private file ({@code toBytes}, class checks): no atomic move, no
     * operator rewriting, only the free-space check that keeps LibTorch's writer from aborting the process.
     */
    static void saveUnchanged(ScriptModule module, Path file) throws IOException {
        requireSpace(file, estimatedArchiveBytes(module));
        Handles.of(module).save(file.toString(), Map.of());
    }

    /** Compiles TorchScript source ({@code def} functions). Errors are {@link CompileException}s with line/column. */
    public static CompilationUnit compile(String source) {
        return new CompilationUnit(NativeCompilationUnit.compile(source));
    }

    private interface Writer {
        void write(Path tmp);
    }

    /**
     * LibTorch's archive writer aborts the whole process when a write fails mid-archive (its destructor throws while
     * finishing the zip: std::terminate), so a save that would fill the disk is refused before LibTorch starts.
     */
    private static void writeAtomically(Path path, long bytesNeeded, Writer writer) {
        try {
            AtomicWrite.writeNamed(path, tmp -> {
                requireSpace(tmp, bytesNeeded);
                writer.write(tmp);
            });
        } catch (IOException e) {
            throw new TorchException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a LibTorch save into {@code tmp} that would not fit (LibTorch aborts the process on a failed write). */
    static void requireSpace(Path tmp, long bytesNeeded) throws IOException {
        long free = Files.getFileStore(tmp).getUsableSpace();
        if (free < bytesNeeded) {
            throw new IOException("not enough free space in " + tmp.getParent() + ": the archive needs about "
                    + megabytes(bytesNeeded) + ", " + megabytes(free) + " free");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
