package io.tsstudio.app;

import io.tsstudio.testkit.SharedFixtures;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first-start race (issue 11): two JVMs with the app's class path start at the same moment against an empty data
 * directory, as the studio and its run worker do on a user's first start. Both must load LibTorch and answer, and
 * the cache they leave must verify. Before the fix, a fresh cache crashed the JVM in {@code pthread_mutex_lock}
 * while {@code torch.<clinit>} loaded libtorch_cpu.so. Five fresh directories, about 20 s each on a quiet machine.
 */
class NativeCacheRaceTest {
    @TempDir
    Path data;

    @RepeatedTest(5)
    void twoProcessesOnAnEmptyCacheBothLoadLibTorch() throws Exception {
        Path model = SharedFixtures.pytorch("linrelu.script.dat");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + data.resolve("hs_err_%p.log"),
                    "-cp", System.getProperty("java.class.path"), "io.tsstudio.app.Launcher", "inspect", model.toString(), "--json")
                    .redirectOutput(data.resolve("out" + i + ".txt").toFile())
                    .redirectError(data.resolve("err" + i + ".txt").toFile());
            pb.environment().put("XDG_DATA_HOME", data.toString());
            processes.add(pb.start());
        }
        int fillers = 0;
        for (int i = 0; i < 2; i++) {
            Process p = processes.get(i);
            boolean done = p.waitFor(240, TimeUnit.SECONDS);
            if (!done) p.destroyForcibly();
            String err = Files.readString(data.resolve("err" + i + ".txt"), StandardCharsets.UTF_8);
            String out = Files.readString(data.resolve("out" + i + ".txt"), StandardCharsets.UTF_8);
            assertTrue(done, "process " + i + " did not finish within 240 s: " + err);
            assertEquals(0, p.exitValue(), "process " + i + " failed: " + err + out);
            assertTrue(out.contains("\"forward\""), "process " + i + " printed no model: " + out);
            if (err.contains("first start: unpacking LibTorch")) fillers++;
        }
        assertEquals(1, fillers, "exactly one process unpacks; the other waits and reuses its cache");
        Path cache = data.resolve("tsstudio").resolve("javacpp-cache");
        String platform = NativeCaches.javaCppPlatform();
        List<Path> jars = NativeCaches.javaCppNativeJars(System.getProperty("java.class.path"), platform);
        assertTrue(NativeCaches.manifestValid(cache, NativeCaches.jarKey(jars)), "the cache's manifest verifies");
        try (var crashes = Files.list(data)) {
            assertEquals(List.of(), crashes.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList());
        }
    }
}
