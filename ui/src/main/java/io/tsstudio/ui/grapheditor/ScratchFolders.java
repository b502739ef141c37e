package io.tsstudio.ui.grapheditor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Folders in the studio's temp directory where one graph editor writes the models it hands to the worker process or
 * to the studio: a fresh folder per hand-over, named for the editor, removed when the consumer is done with it.
 */
final class ScratchFolders {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String owner;
    private Path root = Path.of(System.getProperty("java.io.tmpdir"), "tsstudio");

    /** @param owner the editor's id; its first 8 characters name its folders */
    ScratchFolders(String owner) {
        this.owner = owner.substring(0, Math.min(8, owner.length()));
    }

    void setRoot(Path dir) {
        this.root = dir;
    }

    /** A folder not handed out before (not created yet: the session creates it when it writes). */
    Path next(String what) {
        return root.resolve("graph-" + owner + "-" + what + "-" + COUNTER.incrementAndGet());
    }

    /** For a folder the studio goes on reading after the hand-over: deleted when the JVM exits. */
    static void deleteOnExit(Path dir) {
        // the JVM deletes in reverse order of registration: the folder first registered is deleted last, once empty
        dir.toFile().deleteOnExit();
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().deleteOnExit());
        } catch (IOException ignored) {
            // the inputs beside the model are small; left over at worst
        }
    }

    static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a scratch folder in the temp dir; the OS cleans it at worst
        }
    }
}
