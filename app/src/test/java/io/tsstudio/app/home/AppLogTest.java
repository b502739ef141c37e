package io.tsstudio.app.home;

import io.tsstudio.app.worker.WorkerLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log a user can send (issue 13 item 6), checked in a fresh JVM so this one's logging stays as it is. */
class AppLogTest {
    @TempDir
    Path home;

    /** What a studio process does: install the log, log through both APIs, die of an uncaught exception. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            AppLog.install("studio");
            System.getLogger("io.tsstudio.ui.graph").log(System.Logger.Level.INFO, "graph first frame 123 ms, 4000 nodes");
            java.util.logging.Logger.getLogger("io.tsstudio.app").warning("cannot open /models/x.pt: not a zip");
            java.util.logging.Logger.getLogger("io.tsstudio.app").fine("not logged: below INFO");
            if (args.length > 0) {
                String line = "x".repeat(1000);
                for (int i = 0; i < 2_600; i++) java.util.logging.Logger.getLogger("io.tsstudio.fill").info(line);
            }
            Thread t = new Thread(() -> {
                throw new IllegalStateException("module __torch__.Net is closed");
            }, "studio-io");
            t.start();
            t.join();
            AppLog.flush();
        }
    }

    private Process probe(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtsstudio.home=" + home, "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p;
    }

    @Test
    void loggingAndUncaughtExceptionsReachTheLogFile() throws Exception {
        probe();
        Path dir = home.resolve("data").resolve("logs");
        assertEquals(dir, withHome(AppLog::directory));
        String log = Files.readString(dir.resolve("studio-0.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains(" INFO io.tsstudio: studio started: Java "), log);
        assertTrue(log.contains(" INFO io.tsstudio.ui.graph: graph first frame 123 ms, 4000 nodes"), log);
        assertTrue(log.contains(" WARNING io.tsstudio.app: cannot open /models/x.pt: not a zip"), log);
        assertTrue(!log.contains("below INFO"), log);
        assertTrue(log.contains(" SEVERE io.tsstudio: uncaught exception in thread studio-io"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: module __torch__.Net is closed"), log);
    }

    @Test
    void theLogRotates() throws Exception {
        probe("fill");
        Path dir = home.resolve("data").resolve("logs");
        assertTrue(Files.isRegularFile(dir.resolve("studio-1.log")), "a second file after 2 MB");
        assertTrue(Files.size(dir.resolve("studio-1.log")) <= AppLog.LIMIT_BYTES + 2_000);
    }

    @Test
    void workerCrashReportsGoToTheLogFolder() throws Exception {
        List<String> opts = withHome(() -> WorkerLaunch.sameAsThisProcess().jvmOptions());
        Path errorFile = home.resolve("data").resolve("logs").resolve("worker-hs_err_%p.log");
        assertTrue(opts.contains("-XX:ErrorFile=" + errorFile), opts.toString());
        assertTrue(opts.contains("-Dtsstudio.home=" + home), "the worker logs next to the studio: " + opts);
    }

    @Test
    void theLogFolderIsUnderTheUserDataDirectory() {
        String old = System.getProperty("tsstudio.home");
        System.clearProperty("tsstudio.home");
        try {
            assertEquals(NativeCacheDirs.userDataDir().resolve("logs"), AppLog.directory());
        } finally {
            if (old != null) System.setProperty("tsstudio.home", old);
        }
        assertEquals(List.of("xdg-open", "/d/logs"), AppLog.openFolderCommand("Linux", Path.of("/d/logs")));
        assertEquals(List.of("open", "/d/logs"), AppLog.openFolderCommand("Mac OS X", Path.of("/d/logs")));
        assertEquals("explorer.exe", AppLog.openFolderCommand("Windows 11", Path.of("/d/logs")).get(0));
    }

    private <T> T withHome(java.util.function.Supplier<T> s) {
        String old = System.setProperty("tsstudio.home", home.toString());
        try {
            return s.get();
        } finally {
            if (old == null) System.clearProperty("tsstudio.home");
            else System.setProperty("tsstudio.home", old);
        }
    }
}
