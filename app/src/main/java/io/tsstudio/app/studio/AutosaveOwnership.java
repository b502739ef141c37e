package io.tsstudio.app.studio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which autosave folder this studio may use, and whether what is in it is left over from a session that ended
 * badly. The live studio holds a lock on the shared folder for as long as it runs; entries there are offered for
 * recovery (and may be discarded) only by a studio that got that lock, so a second studio started beside a live
 * one never offers, discards or clears the live one's unsaved work. Such a second studio (single-instance
 * forwarding failed or raced) autosaves into a folder of its own, {@code instance-<pid>}, under its own lock.
 */
final class AutosaveOwnership implements AutoCloseable {
    private static final String LOCK = ".live.lock";

    private final Path directory;
    private final boolean primary;
    private final FileChannel channel;
    private final FileLock lock;

    private AutosaveOwnership(Path directory, boolean primary, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.primary = primary;
        this.channel = channel;
        this.lock = lock;
    }

    static AutosaveOwnership claim(Path sharedDir) throws IOException {
        AutosaveOwnership shared = tryLock(sharedDir, true);
        if (shared != null) {
            adoptOrphans(sharedDir);
            return shared;
        }
        Path own = Files.createDirectories(sharedDir.resolve("instance-" + ProcessHandle.current().pid()));
        AutosaveOwnership mine = tryLock(own, false);
        if (mine == null) throw new IOException("the autosave folder " + own + " is locked by another studio");
        return mine;
    }

    /**
     * A second studio that was killed left its autosaves in its own folder: the owner moves them into the shared
     * folder, where they are offered for recovery like its own. A folder whose studio still runs stays locked.
     */
    private static void adoptOrphans(Path sharedDir) throws IOException {
        try (DirectoryStream<Path> others = Files.newDirectoryStream(sharedDir, "instance-*")) {
            for (Path other : others) {
                if (!Files.isDirectory(other, LinkOption.NOFOLLOW_LINKS)) continue;
                AutosaveOwnership orphan = tryLock(other, false);
                if (orphan == null) continue;
                try (orphan) {
                    // texts first, then what they belong to: a listed entry always has its text (AutosaveStore)
                    moveAll(other, "*.txt", sharedDir);
                    moveAll(other, "*.properties", sharedDir);
                }
            }
        }
    }

    private static void moveAll(Path from, String glob, Path to) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from, glob)) {
            for (Path f : files) Files.move(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static AutosaveOwnership tryLock(Path dir, boolean primary) throws IOException {
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l != null) return new AutosaveOwnership(dir, primary, ch, l);
        } catch (OverlappingFileLockException heldInThisJvm) {
            // another studio in this JVM (tests) holds it: the same as another process holding it
        }
        ch.close();
        return null;
    }

    /** The folder this studio autosaves into. */
    Path directory() {
        return directory;
    }

    /** True for the studio that owns the shared folder: only it may offer what is there for recovery. */
    boolean primary() {
        return primary;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            if (!primary) {
                Files.deleteIfExists(directory.resolve(LOCK));
                try (var left = Files.list(directory)) {
                    if (left.findAny().isEmpty()) Files.deleteIfExists(directory);
                }
            }
        } catch (IOException ignored) {
            // a lock file left behind is harmless: the lock, not the file, is what counts
        }
    }
}
