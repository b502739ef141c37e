package io.tsstudio.app.studio.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prints the time from launching the studio (JVM start) to a visible window and to its first rendered frame, and to
 * LibTorch being loaded in the background. Starts the real app in a fresh JVM per run (needs a display: run under
 * Xvfb with DISPLAY set), with the same class path as this harness.
 * Run: {@code java -cp <test classpath> io.tsstudio.app.studio.bench.LaunchBenchmark [runs]}.
 */
public final class LaunchBenchmark {
    private LaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            Path home = Files.createTempDirectory("tsstudio-launch");
            Path report = home.resolve("startup.txt");
            Process p = new ProcessBuilder(java, "-Xss16m", "-Dprism.order=sw", "-Dtsstudio.home=" + home, "-Dtsstudio.exitAfterMs=8000",
                    "-Dtsstudio.startupReport=" + report, "-cp", System.getProperty("java.class.path"), "io.tsstudio.app.Launcher")
                    .redirectErrorStream(true).redirectOutput(home.resolve("out.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
            if (!Files.exists(report)) {
                System.out.println("run " + i + ": no report; see " + home.resolve("out.log"));
                continue;
            }
            for (String line : Files.readAllLines(report)) {
                String[] kv = line.split("=");
                figures.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(Long.parseLong(kv[1].trim()));
            }
        }
        figures.forEach((k, v) -> {
            List<Long> s = v.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-18s runs %d  min %5d ms  median %5d ms  max %5d ms%n", k, s.size(), s.get(0), s.get(s.size() / 2), s.get(s.size() - 1));
        });
    }
}
