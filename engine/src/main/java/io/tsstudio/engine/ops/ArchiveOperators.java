package io.tsstudio.engine.ops;

import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.files.StoredZipEntry;
import io.tsstudio.engine.internal.files.ArchiveIntegrity;
import io.tsstudio.engine.internal.torch.OperatorRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The operators an archive's code calls ({@code ops.namespace.name(...)} in {@code code/**.py}) and the archive
 * LibTorch should load instead: calls to torchvision operators that LibTorch lacks are redirected to
 * {@link BuiltinOperators#MODULE}, whose file is added to the archive's code. Reading the code is a zip listing plus
 * the small {@code .py} entries; an archive is copied only when it needs the built-ins.
 */
public final class ArchiveOperators {
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])ops\\.([A-Za-z_]\\w*)\\.([A-Za-z_]\\w*)");

    private ArchiveOperators() {
    }

    /** What to hand LibTorch for one archive. Closing deletes the rewritten copy, if one was made. */
    public static final class Prepared implements AutoCloseable {
        private final Path loadPath;
        private final boolean copy;
        private final List<OperatorRef> builtIn;
        private final List<OperatorRef> missing;

        Prepared(Path loadPath, boolean copy, List<OperatorRef> builtIn, List<OperatorRef> missing) {
            this.loadPath = loadPath;
            this.copy = copy;
            this.builtIn = List.copyOf(builtIn);
            this.missing = List.copyOf(missing);
        }

        /** The file LibTorch should load: the archive itself, or its rewritten copy. */
        public Path loadPath() {
            return loadPath;
        }

        /** torchvision operators the file calls that the built-in implementations provide. */
        public List<OperatorRef> builtIn() {
            return builtIn;
        }

        /** Operators the file calls that nothing in this process provides. */
        public List<OperatorRef> missing() {
            return missing;
        }

        @Override
        public void close() {
            if (!copy) return;
            try {
                Files.deleteIfExists(loadPath);
            } catch (IOException ignored) {
                // a leftover temporary copy is harmless
            }
        }
    }

    /** Every non-builtin-module operator the code calls ({@code ops.ns.name}), sorted, registered or not. */
    public static List<OperatorRef> calledOperators(Path archive) throws IOException {
        TreeSet<OperatorRef> out = new TreeSet<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Map.Entry<String, String> code : codeFiles(zip).entrySet()) {
                if (isBuiltinModule(code.getKey())) continue;
                Matcher m = CALL.matcher(code.getValue());
                while (m.find()) out.add(new OperatorRef(m.group(1), m.group(2)));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Operators the archive calls that LibTorch (with the libraries loaded so far) does not register. LibTorch's own
     * namespaces ({@code aten}, {@code prim}) are not looked up: no library provides those, and LibTorch's loader
     * names one it lacks itself.
     */
    public static List<OperatorRef> unregistered(Path archive) throws IOException {
        List<OperatorRef> out = new ArrayList<>();
        for (OperatorRef op : calledOperators(archive)) {
            if (LIBTORCH_NAMESPACES.contains(op.namespace())) continue;
            if (!OperatorRegistry.isRegistered(op.qualified())) out.add(op);
        }
        return out;
    }

    private static final java.util.Set<String> LIBTORCH_NAMESPACES = java.util.Set.of("aten", "prim");

    /**
     * Decides how {@code archive} loads: as it is when LibTorch registers everything it calls (torchvision's own
     * library may have been loaded), else through a copy whose unregistered torchvision calls go to the built-ins.
     * Operators nothing provides are listed in {@link Prepared#missing()}; the caller decides what to do.
     */
    public static Prepared prepare(Path archive) throws IOException {
        List<OperatorRef> builtIn = new ArrayList<>();
        List<OperatorRef> missing = new ArrayList<>();
        boolean hasBuiltinModule;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            hasBuiltinModule = zip.stream().anyMatch(e -> isBuiltinModule(e.getName()));
        }
        List<String> dropped = integrity(archive).unreadableDebugInfo();
        for (String d : dropped) {
            System.getLogger(ArchiveOperators.class.getName()).log(System.Logger.Level.WARNING,
                    archive + ": " + d + " is damaged; loading without its source locations");
        }
        for (OperatorRef op : unregistered(archive)) {
            if (BuiltinOperators.provides(op)) builtIn.add(op);
            else missing.add(op);
        }
        if (builtIn.isEmpty() && !hasBuiltinModule && dropped.isEmpty()) return new Prepared(archive, false, builtIn, missing);
        Path copy = Files.createTempFile("tsstudio-ops-", ".pt");
        try {
            boolean needsModule = !builtIn.isEmpty() || hasBuiltinModule;
            rewrite(archive, copy, builtIn.stream().map(OperatorRef::name).toList(), needsModule ? BuiltinOperators.implementation() : null, dropped);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new Prepared(copy, true, builtIn, missing);
    }

    /**
     * What LibTorch must not be given ({@link ArchiveIntegrity}): a damaged tensor storage refuses the archive with a
     * TorchException naming the entry; damaged debug pickles are returned, to be left out of the loaded copy.
     */
    private static ArchiveIntegrity.Report integrity(Path archive) throws IOException {
        try {
            return ArchiveIntegrity.check(archive);
        } catch (ArchiveIntegrity.Damage e) {
            throw new TorchException("cannot load " + archive.getFileName() + ": the archive is damaged: " + e.getMessage());
        }
    }

    /**
     * Applies {@code policy} to an archive LibTorch has just written: with {@link SavedOperators#TORCHVISION} the
     * built-in module's code is replaced by calls to torchvision's operators. Archives without the module are left
     * alone.
     */
    public static void finishSave(Path written, SavedOperators policy) throws IOException {
        if (policy == SavedOperators.EMBEDDED) return;
        try (ZipFile zip = new ZipFile(written.toFile())) {
            if (zip.stream().noneMatch(e -> isBuiltinModule(e.getName()))) return;
        }
        Path dir = written.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + written.getFileName() + ".", ".ops");
        try {
            rewrite(written, tmp, List.of(), BuiltinOperators.nativeWrappers(), List.of());
            try {
                Files.move(tmp, written, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, written, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Code text as it will be loaded: redirects calls of {@code ops.torchvision.NAME} for the given names. */
    static String redirect(String code, List<String> names) {
        if (names.isEmpty()) return code;
        Matcher m = CALL.matcher(code);
        StringBuilder out = new StringBuilder(code.length() + 64);
        while (m.find()) {
            boolean ours = BuiltinOperators.NAMESPACE.equals(m.group(1)) && names.contains(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(ours ? BuiltinOperators.MODULE + "." + m.group(2) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Copies the archive entry by entry (stored, as torch.jit.save writes them): redirected code files lose their
     * {@code .debug_pkl} (its offsets point into the old text), the built-in module gets {@code moduleCode} (none
     * is added when it is null), and the entries in {@code dropped} are left out.
     */
    private static void rewrite(Path from, Path to, List<String> redirected, String moduleCode, List<String> dropped) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            String root = root(zip);
            Map<String, String> code = codeFiles(zip);
            Map<String, byte[]> replaced = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : code.entrySet()) {
                if (isBuiltinModule(e.getKey())) continue;
                String text = redirect(e.getValue(), redirected);
                if (!text.equals(e.getValue())) replaced.put(e.getKey(), text.getBytes(StandardCharsets.UTF_8));
            }
            String modulePath = root + BuiltinOperators.CODE_PATH;
            boolean moduleWritten = moduleCode == null;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || dropped.contains(name)) continue;
                if (name.endsWith(".debug_pkl")) {
                    String py = name.substring(0, name.length() - ".debug_pkl".length());
                    if (replaced.containsKey(py) || isBuiltinModule(py)) continue;
                }
                if (isBuiltinModule(name) && moduleCode != null) {
                    if (!moduleWritten) StoredZipEntry.write(out, modulePath, moduleCode.getBytes(StandardCharsets.UTF_8));
                    moduleWritten = true;
                } else if (replaced.containsKey(name)) {
                    StoredZipEntry.write(out, name, replaced.get(name));
                } else {
                    copyStored(zip, e, out);
                }
                if (!moduleWritten && name.equals(root + "version")) {
                    // next to the code, before the tensors: where torch.jit.save would have put it
                    StoredZipEntry.write(out, modulePath, moduleCode.getBytes(StandardCharsets.UTF_8));
                    moduleWritten = true;
                }
            }
            if (!moduleWritten) StoredZipEntry.write(out, modulePath, moduleCode.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isBuiltinModule(String entryName) {
        return entryName.endsWith("/" + BuiltinOperators.CODE_PATH);
    }

    /** The archive's top folder with its slash ("tvops.script/"), as every entry of a PyTorch archive starts. */
    private static String root(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String n = entries.nextElement().getName();
            int slash = n.indexOf('/');
            if (slash > 0) return n.substring(0, slash + 1);
        }
        return "archive/";
    }

    /**
     * The archive's code files, read within {@link io.tsstudio.engine.ArchiveLimits#defaults()}: an archive is untrusted
     * and a small zip can inflate to gigabytes. A file past the limits is not scanned (LibTorch then meets it as it is).
     */
    private static Map<String, String> codeFiles(ZipFile zip) throws IOException {
        io.tsstudio.engine.ArchiveLimits limits = io.tsstudio.engine.ArchiveLimits.defaults();
        Map<String, String> out = new LinkedHashMap<>();
        long total = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements() && out.size() < limits.maxEntries()) {
            ZipEntry e = entries.nextElement();
            String n = e.getName();
            if (!n.endsWith(".py")) continue;
            int slash = n.indexOf('/');
            if (slash < 0 || !n.startsWith("code/", slash + 1)) continue;
            long cap = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total);
            byte[] b;
            try (InputStream in = zip.getInputStream(e)) {
                b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            }
            if (b.length > cap) continue;
            total += b.length;
            out.put(n, new String(b, StandardCharsets.UTF_8));
        }
        return out;
    }


    /** Streams an unchanged entry; its size and CRC come from the central directory, so nothing is buffered. */
    private static void copyStored(ZipFile zip, ZipEntry from, ZipOutputStream out) throws IOException {
        ZipEntry e = new ZipEntry(from.getName());
        e.setMethod(ZipEntry.STORED);
        e.setSize(from.getSize());
        e.setCompressedSize(from.getSize());
        e.setCrc(from.getCrc());
        out.putNextEntry(e);
        try (InputStream in = zip.getInputStream(from)) {
            in.transferTo(out);
        }
        out.closeEntry();
    }

}
