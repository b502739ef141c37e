package io.tsstudio.ui.session;

import io.tsstudio.engine.files.AtomicWrite;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * Keeps copies of unsaved buffers on disk so that a crash or a kill loses at most a few seconds of typing. Each
 * buffer is two files: {@code <id>.txt} (the text) and {@code <id>.properties} (what it belongs to), both written
 * atomically, the text first, so a listed entry always has its text. A clean exit removes everything; whatever is
 * here at start-up was left by a session that did not end cleanly and is offered for recovery.
 */
public final class AutosaveStore {
    private final Path dir;

    public AutosaveStore(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    public void save(AutosaveEntry e) throws IOException {
        Files.createDirectories(dir);
        AtomicWrite.writeString(dir.resolve(safe(e.id()) + ".txt"), e.text());
        Properties p = new Properties();
        p.setProperty("name", e.name());
        p.setProperty("kind", e.kind());
        if (e.file() != null) p.setProperty("file", e.file().toAbsolutePath().toString());
        if (e.className() != null) p.setProperty("class", e.className());
        p.setProperty("savedAt", e.savedAt().toString());
        Path meta = dir.resolve(safe(e.id()) + ".properties");
        StringWriter w = new StringWriter();
        p.store(w, "TorchScript Studio autosave");
        AtomicWrite.writeString(meta, w.toString());
    }

    public void remove(String id) {
        try {
            Files.deleteIfExists(dir.resolve(safe(id) + ".properties"));
            Files.deleteIfExists(dir.resolve(safe(id) + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove autosave " + id + ": " + e.getMessage(), e);
        }
    }

    /** Entries left on disk, oldest first. Unreadable ones are skipped. */
    public List<AutosaveEntry> list() {
        List<AutosaveEntry> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.properties")) {
            for (Path meta : ds) {
                String id = meta.getFileName().toString().replaceFirst("\\.properties$", "");
                Path txt = dir.resolve(id + ".txt");
                if (!Files.exists(txt)) continue;
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                    p.load(r);
                    String file = p.getProperty("file");
                    out.add(new AutosaveEntry(id, p.getProperty("name", id), p.getProperty("kind", "SCRIPT"),
                            file == null ? null : Path.of(file), p.getProperty("class"),
                            Instant.parse(p.getProperty("savedAt", Instant.EPOCH.toString())),
                            Files.readString(txt, StandardCharsets.UTF_8)));
                } catch (IOException | RuntimeException ignored) {
                    // A damaged entry must not stop the others from being recovered.
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(AutosaveEntry::savedAt));
        return out;
    }

    public void clear() {
        list().forEach(e -> remove(e.id()));
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
