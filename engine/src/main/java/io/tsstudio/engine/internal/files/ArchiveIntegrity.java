package io.tsstudio.engine.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks in Java what LibTorch's loader trusts and later crashes on, before LibTorch sees an archive.
 * <ul>
 *   <li>Tensor storages: LibTorch sizes a storage by the element count the pickle declares, not by the bytes its
 *       {@code data/N} entry holds; a short entry loads and the first read of the weight runs off the end
 *       (SIGSEGV). A storage whose entry is shorter than its declared elements is {@link Damage damage}: the
 *       archive is refused.</li>
 *   <li>Source ranges ({@code code/**.py.debug_pkl}): unpickled lazily when a graph is printed; LibTorch indexes the
 *       string table with the pickled indices unchecked (SIGSEGV in {@code Graph.toString()}, fuzz seed 20261126
 *       mutant 6269). A debug pickle this class cannot prove well-formed is listed in {@link Report#unreadableDebugInfo()};
 *       the loader drops it (the module loads without source locations for that file).</li>
 * </ul>
 */
public final class ArchiveIntegrity {
    /** A damaged archive LibTorch must not load; the message says which entry and why. */
    public static final class Damage extends Exception {
        Damage(String message) {
            super(message);
        }
    }

    /** What the loader must leave out: debug pickles that failed the check. */
    public record Report(List<String> unreadableDebugInfo) {
    }

    /** Pickles larger than this are not read whole here: a storage pickle is refused, a debug pickle dropped. */
    static final int MAX_PICKLE_BYTES = 64 << 20;

    private static final Map<String, Integer> ELEMENT_BYTES = Map.ofEntries(
            Map.entry("FloatStorage", 4), Map.entry("DoubleStorage", 8), Map.entry("HalfStorage", 2),
            Map.entry("BFloat16Storage", 2), Map.entry("LongStorage", 8), Map.entry("IntStorage", 4),
            Map.entry("ShortStorage", 2), Map.entry("CharStorage", 1), Map.entry("ByteStorage", 1),
            Map.entry("BoolStorage", 1), Map.entry("ComplexFloatStorage", 8), Map.entry("ComplexDoubleStorage", 16),
            Map.entry("QInt8Storage", 1), Map.entry("QUInt8Storage", 1), Map.entry("QInt32Storage", 4),
            Map.entry("QUInt4x2Storage", 1), Map.entry("QUInt2x4Storage", 1),
            Map.entry("Float8_e5m2Storage", 1), Map.entry("Float8_e4m3fnStorage", 1));

    private ArchiveIntegrity() {
    }

    /** Checks a TorchScript zip; throws {@link Damage} for what must not reach LibTorch. */
    public static Report check(Path archive) throws IOException, Damage {
        List<String> unreadable = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                int slash = name.indexOf('/');
                String inRoot = slash < 0 ? name : name.substring(slash + 1);
                if (inRoot.equals("data.pkl") || inRoot.equals("constants.pkl")) {
                    checkStorages(zip, name.substring(0, slash + 1), inRoot.substring(0, inRoot.length() - ".pkl".length()), e);
                } else if (inRoot.startsWith("code/") && name.endsWith(".debug_pkl")) {
                    byte[] b = read(zip, e);
                    if (b == null || !SourceRangePickle.isWellFormed(b)) unreadable.add(name);
                }
            }
        }
        return new Report(List.copyOf(unreadable));
    }

    /** Every storage of {@code pickle} whose entry is there must hold its declared elements. */
    private static void checkStorages(ZipFile zip, String root, String archiveName, ZipEntry pickle) throws IOException, Damage {
        byte[] b = read(zip, pickle);
        if (b == null) throw new Damage(pickle.getName() + " is larger than " + MAX_PICKLE_BYTES + " bytes");
        List<TorchPickle.StorageRef> storages;
        try {
            storages = TorchPickle.storages(b);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Damage(pickle.getName() + " is damaged: " + e.getMessage());
        }
        for (TorchPickle.StorageRef s : storages) {
            ZipEntry data = zip.getEntry(root + archiveName + "/" + s.key());
            if (data == null) data = zip.getEntry(root + ".data/" + s.key());
            if (data == null) continue; // LibTorch names the missing record itself
            Integer size = ELEMENT_BYTES.get(s.type());
            if (s.elements() < 0) throw new Damage(pickle.getName() + " declares " + s.elements() + " elements for storage " + s.key());
            if (size == null) continue;
            long needed;
            try {
                needed = Math.multiplyExact(s.elements(), (long) size);
            } catch (ArithmeticException tooMany) {
                needed = Long.MAX_VALUE;
            }
            if (data.getSize() < needed) {
                throw new Damage("tensor data " + data.getName() + " holds " + data.getSize() + " bytes, but " + pickle.getName()
                        + " declares " + s.elements() + " elements of " + s.type() + " (" + needed + " bytes)");
            }
        }
    }

    /** The entry's bytes, or null past {@link #MAX_PICKLE_BYTES} (declared sizes are not trusted: reads are capped). */
    private static byte[] read(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes(MAX_PICKLE_BYTES + 1);
            return b.length > MAX_PICKLE_BYTES ? null : b;
        }
    }
}
