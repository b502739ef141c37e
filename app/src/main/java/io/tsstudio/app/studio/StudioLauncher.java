package io.tsstudio.app.studio;

import javafx.application.Application;

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

    public static void launch(String[] args) {
        try {
            Application.launch(StudioApplication.class, args);
        } catch (RuntimeException e) {
            // JavaFX reports a display it cannot open, or a GTK it cannot load, as a bare exception: say it in one line.
            System.err.println("tsstudio: the studio window could not be opened: " + rootMessage(e)
                    + " (check DISPLAY and that GTK 3 is installed; the command line works without a display: tsstudio --help)");
            System.exit(1);
        }
    }

    /** The sentence to print when there is certainly no display (X11 or Wayland) on Linux and other Unix; else null. */
    public static String missingDisplay(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return null;
        if (!blank(env.get("DISPLAY")) || !blank(env.get("WAYLAND_DISPLAY"))) return null;
        return NO_DISPLAY;
    }

    /** The jar holding JavaFX's graphics natives, or null when JavaFX is not loaded from a jar (a linked runtime). */
    public static Path javaFxNativeJar() {
        CodeSource cs = Application.class.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null || !"file".equals(cs.getLocation().getProtocol())) return null;
        try {
            Path p = Path.of(cs.getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
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
