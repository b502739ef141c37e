package io.tsstudio.ui.preferences;

import io.tsstudio.engine.files.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recently opened files, newest first, kept in a small text file under the config dir. Files under a
 * transient root (the studio's own temp files, the autosave directory) are never listed: they are gone or meaningless later.
 */
public final class RecentFiles {
    public static final int MAX = 12;

    private final Path store;
    private final List<Path> transientRoots;
    private final List<Path> files = new ArrayList<>();

    public RecentFiles(Path store) {
        this(store, List.of());
    }

    public RecentFiles(Path store, List<Path> transientRoots) {
        this.store = store;
        this.transientRoots = transientRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        try {
            if (Files.exists(store)) {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !isTransient(Path.of(line.trim()))) files.add(Path.of(line.trim()));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // An unreadable list just starts empty.
        }
    }

    /**
     * What the studio's own recent list leaves out: the studio's temporary files (named {@code tsstudio*} in
     * {@code java.io.tmpdir}, such as a graph-editor model handed to the studio) and its autosave directory. A file
     * the user keeps in the temp directory is listed like any other.
     */
    public static List<Path> transientRoots(StudioDirs dirs) {
        return List.of(Path.of(System.getProperty("java.io.tmpdir"), "tsstudio"), dirs.autosave());
    }

    /** Under one of the roots, or named with one as its prefix ({@code /tmp/tsstudio-graph123/m.pt}). */
    private boolean isTransient(Path file) {
        String abs = file.toAbsolutePath().normalize().toString();
        return transientRoots.stream().anyMatch(root -> abs.startsWith(root.toString()));
    }

    public synchronized void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (isTransient(abs)) return;
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) files.remove(files.size() - 1);
        persist();
    }

    public synchronized List<Path> list() {
        return List.copyOf(files);
    }

    public synchronized void clear() {
        files.clear();
        persist();
    }

    private void persist() {
        StringBuilder sb = new StringBuilder();
        files.forEach(f -> sb.append(f).append('\n'));
        try {
            AtomicWrite.writeString(store, sb.toString());
        } catch (IOException ignored) {
            // Losing the recent list is harmless; the studio keeps working.
        }
    }
}
