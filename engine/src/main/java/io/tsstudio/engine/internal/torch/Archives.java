package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.ArchiveContent;
import io.tsstudio.engine.ArchiveLimits;
import io.tsstudio.engine.CodeLocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the parts of a TorchScript zip that LibTorch's API does not hand out: printed code and extra files. */
public final class Archives {
    private Archives() {
    }

    /** Every {@code extra/NAME} entry of the archive, by NAME, within {@code limits}. */
    public static ArchiveContent<Map<String, byte[]>> extraFiles(Path archive, ArchiveLimits limits) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Budget budget = new Budget(limits);
        forEachEntry(archive, (z, e, rest) -> {
            if (e.isDirectory() || !rest.startsWith("extra/") || rest.length() <= 6) return;
            byte[] b = budget.read(z, e);
            if (b != null) out.put(rest.substring(6), b);
        });
        return new ArchiveContent<>(out, budget.skipped);
    }

    /**
     * The printed TorchScript code of every class in a saved archive, keyed by qualified class name
     * ({@code __torch__.torch.nn.modules.linear.Linear}). Files under {@code code/} hold one or more classes each.
     */
    public static ArchiveContent<Map<String, String>> codeByClass(Path archive, ArchiveLimits limits) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<ArchiveContent.Skipped> skipped = readClasses(archive, limits, (name, file, firstLine, code) -> out.put(name, code));
        return new ArchiveContent<>(out, skipped);
    }

    /** Where each class's code sits in its code file (for linking IR source ranges to per-class code). */
    public static ArchiveContent<Map<String, CodeLocation>> codeLocations(Path archive, ArchiveLimits limits) throws IOException {
        Map<String, CodeLocation> out = new TreeMap<>();
        List<ArchiveContent.Skipped> skipped = readClasses(archive, limits, (name, file, firstLine, code) ->
                out.put(name, new CodeLocation(file, firstLine, (int) code.lines().count())));
        return new ArchiveContent<>(out, skipped);
    }

    private interface ClassSink {
        void accept(String qualifiedName, String file, int firstLine, String code);
    }

    private static List<ArchiveContent.Skipped> readClasses(Path archive, ArchiveLimits limits, ClassSink sink) throws IOException {
        Budget budget = new Budget(limits);
        forEachEntry(archive, (z, e, rest) -> {
            if (!rest.startsWith("code/") || !rest.endsWith(".py")) return;
            String modulePath = rest.substring(5, rest.length() - 3).replace('/', '.');
            byte[] b = budget.read(z, e);
            if (b != null) splitClasses(modulePath, rest, new String(b, StandardCharsets.UTF_8), sink);
        });
        return budget.skipped;
    }

    private interface EntryVisitor {
        /** {@code rest} is the entry's name inside the archive's root folder ({@code extra/x}, {@code code/...}). */
        void visit(ZipFile zip, ZipEntry entry, String rest) throws IOException;
    }

    /** Visits the entries inside the archive's root folder (a saved module's entries all sit in one). */
    private static void forEachEntry(Path archive, EntryVisitor visitor) throws IOException {
        try (ZipFile z = new ZipFile(archive.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                int slash = e.getName().indexOf('/');
                if (slash >= 0) visitor.visit(z, e, e.getName().substring(slash + 1));
            }
        }
    }

    /**
     * Reads entries up to the limits. The sizes a zip declares are not trusted (a bomb can lie): at most the cap plus
     * one byte is ever inflated, and an entry that reaches it is dropped.
     */
    private static final class Budget {
        private final ArchiveLimits limits;
        private final List<ArchiveContent.Skipped> skipped = new ArrayList<>();
        private long total;
        private int count;

        Budget(ArchiveLimits limits) {
            this.limits = limits;
        }

        byte[] read(ZipFile z, ZipEntry e) throws IOException {
            // named as inside the archive's root folder (extra/x, code/...): the root is the archive's file name
            String name = e.getName().substring(e.getName().indexOf('/') + 1);
            if (count >= limits.maxEntries()) {
                skipped.add(new ArchiveContent.Skipped(name, "more than " + limits.maxEntries() + " entries ("
                        + ArchiveLimits.MAX_ENTRIES_PROPERTY + ")"));
                return null;
            }
            long cap = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total);
            byte[] b;
            try (InputStream in = z.getInputStream(e)) {
                b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            }
            if (b.length > cap) {
                skipped.add(new ArchiveContent.Skipped(name, cap == limits.maxEntryBytes()
                        ? "larger than " + bytes(limits.maxEntryBytes()) + " (" + ArchiveLimits.MAX_ENTRY_PROPERTY + ")"
                        : "the archive's entries pass " + bytes(limits.maxTotalBytes()) + " in all (" + ArchiveLimits.MAX_TOTAL_PROPERTY + ")"));
                return null;
            }
            total += b.length;
            count++;
            return b;
        }

        private static String bytes(long n) {
            return n % (1 << 20) == 0 ? (n >> 20) + " MiB" : n + " bytes";
        }
    }

    private static void splitClasses(String modulePath, String file, String text, ClassSink sink) {
        String[] lines = text.split("\n", -1);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) if (lines[i].startsWith("class ")) starts.add(i);
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : lines.length;
            String header = lines[from].substring(6);
            int end = 0;
            while (end < header.length() && (Character.isJavaIdentifierPart(header.charAt(end)))) end++;
            String name = header.substring(0, end);
            StringBuilder b = new StringBuilder();
            for (int i = from; i < to; i++) b.append(lines[i]).append('\n');
            sink.accept(modulePath + "." + name, file, from + 1, b.toString().stripTrailing() + "\n");
        }
    }
}
