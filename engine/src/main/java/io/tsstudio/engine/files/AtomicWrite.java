package io.tsstudio.engine.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The one way this code base writes a file that a user or another process may be reading: the content goes to a
 * fresh, uniquely named temp file in the target's directory, gets the target's permissions (and group), is fsynced,
 * moved over the target atomically, and the directory is fsynced. A reader sees the old file or the new one, never a
 * half-written one; a failure mid-write leaves the old bytes and no temp file. A new file gets the permissions the
 * umask gives any new file (0644 usually), not the 0600 of {@link Files#createTempFile}.
 */
public final class AtomicWrite {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicWrite() {
    }

    /** Writes the temp file at the path given (LibTorch's savers want a path, not a stream). */
    @FunctionalInterface
    public interface PathContent {
        void writeTo(Path tmp) throws IOException;
    }

    /** Writes to the temp file's stream; the stream is closed by {@link AtomicWrite}. */
    @FunctionalInterface
    public interface StreamContent {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        writeStream(target, out -> out.write(bytes));
    }

    public static void writeStream(Path target, StreamContent content) throws IOException {
        write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(out);
            }
        });
    }

    /** Replaces {@code target} by what {@code content} writes; on any failure the target is unchanged. */
    public static void write(Path target, PathContent content) throws IOException {
        write(target, content, false);
    }

    /**
     * As {@link #write(Path, PathContent)}, but the temp file carries the target's own name, inside a private temp
     * folder beside the target. LibTorch names an archive's top folder after the file it writes (PyTorch's
     * {@code model.pt} holds {@code model/...}), so a temp name would end up inside every saved model.
     */
    public static void writeNamed(Path target, PathContent content) throws IOException {
        write(target, content, true);
    }

    private static void write(Path target, PathContent content, boolean ownName) throws IOException {
        Path real = resolveLink(target.toAbsolutePath());
        Path dir = real.getParent();
        Files.createDirectories(dir);
        Path tmpDir = ownName ? createTempDir(dir, real.getFileName().toString()) : null;
        boolean moved = false;
        Path tmp = null;
        try {
            tmp = ownName ? Files.createFile(tmpDir.resolve(real.getFileName().toString())) : createTemp(dir, real.getFileName().toString());
            copyAccess(real, tmp);
            content.writeTo(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved && tmp != null) Files.deleteIfExists(tmp);
            if (tmpDir != null) Files.deleteIfExists(tmpDir);
        }
    }

    private static Path createTempDir(Path dir, String name) throws IOException {
        String base = "." + (name.length() > 100 ? name.substring(0, 100) : name) + ".";
        for (int attempt = 0; ; attempt++) {
            byte[] r = new byte[6];
            RANDOM.nextBytes(r);
            try {
                return Files.createDirectory(dir.resolve(base + HexFormat.of().formatHex(r) + ".tmpdir"));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** Saving over a link writes the file it points to (a model linked into a serving directory stays linked). */
    private static Path resolveLink(Path target) throws IOException {
        return Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
    }

    // CREATE_NEW without a permission attribute: the file gets 0666 less the umask, like any new file.
    private static Path createTemp(Path dir, String name) throws IOException {
        String base = "." + (name.length() > 100 ? name.substring(0, 100) : name) + ".";
        for (int attempt = 0; ; attempt++) {
            byte[] r = new byte[6];
            RANDOM.nextBytes(r);
            Path tmp = dir.resolve(base + HexFormat.of().formatHex(r) + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    private static void copyAccess(Path target, Path tmp) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null) return; // not a POSIX file system: nothing to keep
        PosixFileAttributes attrs = view.readAttributes();
        GroupPrincipal group = attrs.group();
        try {
            Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setGroup(group);
        } catch (IOException e) {
            // only a member of the group may set it; the permissions are kept either way
        }
        Files.setPosixFilePermissions(tmp, attrs.permissions());
    }

    // Without it the rename may not survive a power loss even though the file's data does.
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms (Windows) cannot open a directory; the rename is still atomic there
        }
    }
}
