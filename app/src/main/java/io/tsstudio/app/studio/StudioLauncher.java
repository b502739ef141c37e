package io.tsstudio.app.studio;

import javafx.application.Application;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Locale;
import java.util.Map;

/**
 * Starts the JavaFX studio from the plain {@code Launcher} main class (an {@code Application} subclass as the main
 * class fails on the class path with "JavaFX runtime components are missing"). Arguments are files to open.
 */
public final class StudioLauncher {
    static final String NO_DISPLAY = "tsstudio: no display to open the studio window on (DISPLAY is not set); "
            + "start it from a desktop session, or use the command line: tsstudio --help";

    private StudioLauncher() {
    }

    /** Runs the studio until it closes; returns null, or the one sentence to print when its window cannot open. */
    public static String launch(String[] args) {
        try {
            Application.launch(StudioApplication.class, args);
            return null;
        } catch (RuntimeException e) {
            // JavaFX reports a display it cannot open, or a GTK it cannot load, as a bare exception: say it in one line.
            return "tsstudio: the studio window could not be opened: " + rootMessage(e)
                    + " (check DISPLAY and that GTK 3 is installed; the command line works without a display: tsstudio --help)";
        }
    }

    /** The sentence to print when there is certainly no display (X11 or Wayland) on Linux and other Unix; else null. */
    public static String missingDisplay(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return null;
        if (!blank(env.get("DISPLAY")) || !blank(env.get("WAYLAND_DISPLAY"))) return null;
        return NO_DISPLAY;
    }

    /**
     * Prepares JavaFX's native cache under {@code cacheRoot} (see {@code NativeCaches.prepareJavaFx}) from wherever
     * JavaFX is loaded: a jar (the class or module path of ./tsstudio) or a linked runtime image (the packaged app,
     * where JavaFX is part of the runtime). Returns the folder for {@code javafx.cachedir}, or null when JavaFX is
     * found neither way.
     */
    public static Path prepareJavaFxCache(Path cacheRoot, JavaFxCache prepare) throws IOException {
        CodeSource cs = Application.class.getProtectionDomain().getCodeSource();
        java.net.URL where = cs == null ? null : cs.getLocation();
        if (where != null && "file".equals(where.getProtocol())) {
            try {
                Path jar = Path.of(where.toURI());
                if (Files.isRegularFile(jar)) {
                    try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
                        return prepare.prepare(cacheRoot, jar.getFileName().toString().replaceFirst("\\.jar$", ""), zip.getPath("/"));
                    }
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }
        Module graphics = Application.class.getModule();
        if (graphics.isNamed() && (where == null || "jrt".equals(where.getProtocol()))) {
            java.nio.file.FileSystem jrt = java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jrt:/"));
            Path root = jrt.getPath("/modules", graphics.getName());
            if (!Files.isDirectory(root)) return null;
            String version = graphics.getDescriptor() == null ? null : graphics.getDescriptor().rawVersion().orElse(null);
            return prepare.prepare(cacheRoot, graphics.getName() + "-" + (version == null ? "runtime" : version), root);
        }
        return null;
    }

    /** The cache step itself (NativeCaches.prepareJavaFx), passed in so this class needs no launcher internals. */
    @FunctionalInterface
    public interface JavaFxCache {
        Path prepare(Path cacheRoot, String name, Path librariesRoot) throws IOException;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
