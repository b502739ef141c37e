package io.tsstudio.app.home;

import java.nio.file.Path;
import java.util.Map;

/**
 * Puts the native-library caches of JavaCPP (LibTorch, OpenBLAS: about 450 MiB unpacked) and JavaFX under the user's
 * data directory instead of the libraries' defaults ({@code ~/.javacpp/cache}, {@code ~/.openjfx/cache}), so an
 * installed studio keeps its files where the platform expects application data and an uninstall guide can name one
 * folder. Both libraries read these properties lazily, on the first native load, so setting them first thing in
 * {@code main} is early enough. A value given on the command line ({@code -D...}) wins.
 */
public final class NativeCacheDirs {
    public static final String JAVACPP_CACHEDIR = "org.bytedeco.javacpp.cachedir";
    public static final String JAVAFX_CACHEDIR = "javafx.cachedir";
    static final String APP_DIR_NAME = "tsstudio";

    private NativeCacheDirs() {
    }

    /** Sets both cache properties for this process unless they are already set. */
    public static void configure() {
        Path data = userDataDir(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", ".")));
        setIfAbsent(JAVACPP_CACHEDIR, data.resolve("javacpp-cache"));
        setIfAbsent(JAVAFX_CACHEDIR, data.resolve("openjfx-cache"));
    }

    /** The per-user data folder of this process's user (see {@link #userDataDir(String, Map, Path)}). */
    public static Path userDataDir() {
        return userDataDir(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * The per-user data folder of the app: {@code %LOCALAPPDATA%\tsstudio} on Windows (local, not roaming: the cache is
     * machine-specific), {@code ~/Library/Application Support/tsstudio} on macOS, {@code $XDG_DATA_HOME/tsstudio} or
     * {@code ~/.local/share/tsstudio} elsewhere.
     */
    static Path userDataDir(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = isAbsolute(local) ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve(APP_DIR_NAME);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP_DIR_NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = isAbsolute(xdg) ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve(APP_DIR_NAME);
    }

    private static boolean isAbsolute(String dir) {
        return dir != null && !dir.isBlank() && Path.of(dir).isAbsolute();
    }

    private static void setIfAbsent(String key, Path value) {
        String current = System.getProperty(key);
        if (current == null || current.isBlank()) {
            System.setProperty(key, value.toString());
        }
    }
}
