package io.tsstudio.app.home;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeCacheDirsTest {
    @TempDir
    Path home;

    @Test
    void linuxUsesXdgDataHomeWhenAbsolute() {
        Path xdg = home.resolve("xdg-data");
        assertEquals(xdg.resolve("tsstudio"),
                NativeCacheDirs.userDataDir("Linux", Map.of("XDG_DATA_HOME", xdg.toString()), home));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgDataHomeIsUnsetOrRelative() {
        Path expected = home.resolve(".local/share/tsstudio");
        assertEquals(expected, NativeCacheDirs.userDataDir("Linux", Map.of(), home));
        assertEquals(expected, NativeCacheDirs.userDataDir("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), home));
        assertEquals(expected, NativeCacheDirs.userDataDir("Linux", Map.of("XDG_DATA_HOME", " "), home));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(home.resolve("Library").resolve("Application Support").resolve("tsstudio"),
                NativeCacheDirs.userDataDir("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), home));
    }

    @Test
    void windowsUsesLocalAppData() {
        Path local = home.resolve("LocalAppData");
        assertEquals(local.resolve("tsstudio"),
                NativeCacheDirs.userDataDir("Windows 11", Map.of("LOCALAPPDATA", local.toString()), home));
        assertEquals(home.resolve("AppData").resolve("Local").resolve("tsstudio"),
                NativeCacheDirs.userDataDir("Windows 11", Map.of(), home));
    }

    @Test
    void configureKeepsValuesGivenOnTheCommandLine() {
        String javacpp = System.getProperty(NativeCacheDirs.JAVACPP_CACHEDIR);
        String javafx = System.getProperty(NativeCacheDirs.JAVAFX_CACHEDIR);
        try {
            System.setProperty(NativeCacheDirs.JAVACPP_CACHEDIR, "/given/javacpp");
            System.clearProperty(NativeCacheDirs.JAVAFX_CACHEDIR);
            NativeCacheDirs.configure();
            assertEquals("/given/javacpp", System.getProperty(NativeCacheDirs.JAVACPP_CACHEDIR));
            Path javafxDir = Path.of(System.getProperty(NativeCacheDirs.JAVAFX_CACHEDIR));
            assertEquals("openjfx-cache", javafxDir.getFileName().toString());
            assertEquals("tsstudio", javafxDir.getParent().getFileName().toString());
        } finally {
            restore(NativeCacheDirs.JAVACPP_CACHEDIR, javacpp);
            restore(NativeCacheDirs.JAVAFX_CACHEDIR, javafx);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
