package io.tsstudio.app.ipc;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A directory only this user can open (0700, owned by us, not a link): the Unix-domain sockets of the run worker
 * and of the single-instance channel live in one, so no other local user can connect to them at all.
 */
public final class PrivateDir {
    static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);

    private PrivateDir() {
    }

    /** Whether this file system has POSIX permissions, so that a private directory can be made at all. */
    public static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** A new private directory under {@code base} with a random name. */
    public static Path createTemp(Path base, String prefix) throws IOException {
        Files.createDirectories(base);
        return Files.createTempDirectory(base, prefix, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }

    /**
     * {@code dir}, created 0700 when missing; an existing one must be a real directory owned by this user with no
     * access for others (someone else may have made it first, in a shared {@code /tmp}), else this fails.
     */
    public static Path ensure(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made by a sibling process a moment ago: checked below like any existing one
            }
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String me = System.getProperty("user.name");
        if (!a.isDirectory() || a.isSymbolicLink()) throw new IOException(dir + " is not a directory");
        if (me != null && !a.owner().getName().equals(me)) throw new IOException(dir + " belongs to " + a.owner().getName() + ", not to " + me);
        if (!OWNER_ONLY.containsAll(a.permissions())) throw new IOException(dir + " can be opened by other users (" + PosixFilePermissions.toString(a.permissions()) + ")");
        return dir;
    }

    /** Where per-session sockets go: {@code $XDG_RUNTIME_DIR} (private per user, short) when set, else the temp dir. */
    public static Path runtimeBase() {
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() && Files.isDirectory(Path.of(xdg))) return Path.of(xdg);
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
