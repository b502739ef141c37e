package io.tsstudio.engine.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The entry list of a PyTorch zip archive (all entries sit under one top-level folder) and small entry reads. */
public final class ZipProbe implements AutoCloseable {
    private final ZipFile zip;
    private final List<String> names = new ArrayList<>();
    private final String prefix;

    public ZipProbe(Path path) throws IOException {
        zip = new ZipFile(path.toFile());
        var entries = zip.entries();
        while (entries.hasMoreElements()) names.add(entries.nextElement().getName());
        String p = "";
        for (String n : names) {
            int slash = n.indexOf('/');
            if (slash > 0) {
                p = n.substring(0, slash + 1);
                break;
            }
        }
        prefix = p;
    }

    public List<String> names() {
        return names;
    }

    /** Whether {@code <root>/relative} exists (relative may name a folder, ending in '/'). */
    public boolean has(String relative) {
        String full = prefix + relative;
        for (String n : names) if (n.equals(full) || (relative.endsWith("/") && n.startsWith(full))) return true;
        return false;
    }

    public byte[] read(String relative, int maxBytes) throws IOException {
        ZipEntry e = zip.getEntry(prefix + relative);
        if (e == null) throw new IOException("no entry " + prefix + relative);
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes(maxBytes + 1);
            if (b.length > maxBytes) throw new IOException(relative + " is larger than " + maxBytes + " bytes");
            return b;
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
