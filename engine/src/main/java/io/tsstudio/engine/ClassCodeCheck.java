package io.tsstudio.engine;

import io.tsstudio.engine.files.StoredZipEntry;
import io.tsstudio.engine.internal.torch.ArchiveCheck;
import io.tsstudio.engine.internal.torch.Archives;
import io.tsstudio.engine.ops.ArchiveOperators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Checks edited class code in the context of its model's archive: the edited class replaces the class's lines in
 * its code file and LibTorch's importer loads the result, so names the archive's code uses ({@code __torch__.*},
 * {@code ops.*}, {@code annotate}, other classes) resolve exactly as when the file was opened. A valid model's
 * unchanged code therefore has no problems. The module is saved once; each check writes and loads a copy.
 */
public final class ClassCodeCheck implements AutoCloseable {
    private final Path archive;
    private final Map<String, CodeLocation> locations;
    private final Map<String, String> original;
    private boolean closed;

    private ClassCodeCheck(Path archive, Map<String, CodeLocation> locations, Map<String, String> original) {
        this.archive = archive;
        this.locations = locations;
        this.original = original;
    }

    /** Saves {@code module} (as it is now) to a private temporary archive for later checks. */
    public static ClassCodeCheck of(ScriptModule module) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("tsstudio-check-", ".pt");
            Jit.saveUnchanged(module, tmp); // straight to the check's file: no bytes in memory, no second copy
            ArchiveLimits limits = ArchiveLimits.defaults();
            return new ClassCodeCheck(tmp, Archives.codeLocations(tmp, limits).content(), Archives.codeByClass(tmp, limits).content());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw new TorchException("cannot prepare code checks: " + e.getMessage(), e);
        }
    }

    /**
     * Throws a CompileException (line and column within {@code classCode}) when the class does not compile in its
     * archive. Code equal to the saved class's code is valid without a check: the model loaded with it.
     */
    public synchronized void check(String className, String classCode) {
        if (closed) return; // the model changed or closed while this check waited: a newer check follows, or none is wanted
        CodeLocation at = locations.get(className);
        if (at == null || !original.containsKey(className)) throw new TorchException("no class " + className + " in this model's code");
        String code = classCode.endsWith("\n") ? classCode : classCode + "\n";
        if (code.stripTrailing().equals(original.get(className).stripTrailing())) return;
        Path edited = null;
        try {
            edited = Files.createTempFile("tsstudio-check-", ".pt");
            writeEdited(edited, at, code);
            try (ArchiveOperators.Prepared p = ArchiveOperators.prepare(edited)) {
                ArchiveCheck.compiles(p.loadPath().toString(), at.file(), at.firstLine(), (int) code.lines().count(), code);
            }
        } catch (IOException e) {
            throw new TorchException("cannot check " + className + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(edited);
        }
    }

    /** A copy of the archive whose class lines are replaced; the file's debug info (old offsets) is left out. */
    private void writeEdited(Path to, CodeLocation at, String code) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (name.endsWith("/" + at.file() + ".debug_pkl")) continue;
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                if (name.endsWith("/" + at.file())) data = replaceLines(new String(data, StandardCharsets.UTF_8), at, code).getBytes(StandardCharsets.UTF_8);
                StoredZipEntry.write(out, name, data);
            }
        }
    }

    private static String replaceLines(String file, CodeLocation at, String code) {
        String[] lines = file.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < at.firstLine() - 1 && i < lines.length; i++) b.append(lines[i]).append('\n');
        b.append(code);
        for (int i = at.firstLine() - 1 + at.lineCount(); i < lines.length; i++) {
            b.append(lines[i]);
            if (i < lines.length - 1) b.append('\n');
        }
        return b.toString();
    }

    @Override
    public synchronized void close() {
        closed = true;
        deleteQuietly(archive);
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
