package io.tsstudio.ui.workspace;

import io.tsstudio.engine.files.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened files, newest first, kept in a small text file under the config dir. */
public final class RecentFiles {
    public static final int MAX = 12;

    private final Path store;
    private final List<Path> files = new ArrayList<>();

    public RecentFiles(Path store) {
        this.store = store;
        try {
            if (Files.exists(store)) {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) files.add(Path.of(line.trim()));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // An unreadable list just starts empty.
        }
    }

    public synchronized void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
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
