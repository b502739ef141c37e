package io.tsstudio.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher as a user meets it, in its own JVM: one clear sentence instead of a stack trace or a window. */
class LauncherProcessTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private Run launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.tsstudio.app.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8), Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void withoutADisplayTheStudioSaysSoInOneSentence() throws Exception {
        Run r = launch();
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals(io.tsstudio.app.studio.StudioLauncher.missingDisplay("Linux", java.util.Map.of()) + System.lineSeparator(), r.err());
    }

    @Test
    void aMistypedCommandIsAnUnknownCommandNotAWindow() throws Exception {
        Run r = launch("inpsect", "x.pt");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("tsstudio: unknown command 'inpsect'; did you mean 'inspect'?"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void missingDisplayOnlyOnUnixWithNeitherX11NorWayland() {
        assertEquals(null, io.tsstudio.app.studio.StudioLauncher.missingDisplay("Linux", java.util.Map.of("DISPLAY", ":0")));
        assertEquals(null, io.tsstudio.app.studio.StudioLauncher.missingDisplay("Linux", java.util.Map.of("WAYLAND_DISPLAY", "wayland-0")));
        assertEquals(null, io.tsstudio.app.studio.StudioLauncher.missingDisplay("Windows 11", java.util.Map.of()));
        assertTrue(io.tsstudio.app.studio.StudioLauncher.missingDisplay("Linux", java.util.Map.of("DISPLAY", " ")).contains("no display"));
    }
}
