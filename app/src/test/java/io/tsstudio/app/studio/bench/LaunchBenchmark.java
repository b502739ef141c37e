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
 * Run: {@code .ci/bench app io.tsstudio.app.studio.bench.LaunchBenchmark [runs]}. Each configuration is measured in
 * the same run: plain, and with the class-data-sharing archive that {@code ./tsstudio} records on its first start
 * (made here by one untimed start with {@code -XX:ArchiveClassesAtExit}).
 */
public final class LaunchBenchmark {
    private LaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jsa = Files.createTempDirectory("tsstudio-cds").resolve("tsstudio.jsa");
        launch("-XX:ArchiveClassesAtExit=" + jsa); // records the archive, untimed
        Map<String, List<Long>> plain = new LinkedHashMap<>();
        Map<String, List<Long>> cds = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) { // alternating, so both see the same machine load
            collect(launch(null), plain, i);
            collect(launch("-XX:SharedArchiveFile=" + jsa), cds, i);
        }
        System.out.println("-- plain JVM");
        print(plain);
        System.out.println("-- with the class-data-sharing archive (what ./tsstudio uses after its first start)");
        print(cds);
    }

    private static Path launch(String extraJvmOption) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path home = Files.createTempDirectory("tsstudio-launch");
        Path report = home.resolve("startup.txt");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss16m", "-Xlog:cds*=off"));
        if (extraJvmOption != null) cmd.add(extraJvmOption);
        cmd.addAll(List.of("-Dprism.order=sw", "-Dtsstudio.home=" + home, "-Dtsstudio.exitAfterMs=8000",
                "-Dtsstudio.startupReport=" + report, "-cp", classPath(), "io.tsstudio.app.Launcher"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve("out.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        return report;
    }

    /**
     * The packaged class path, as {@code ./tsstudio} runs it (CDS archives classes from jars only, not from the
     * {@code target/classes} folders of a test class path); the harness's own class path when nothing is packaged.
     */
    private static String classPath() {
        Path jar = Path.of("app/target/tsstudio-app.jar").toAbsolutePath();
        Path lib = Path.of("app/target/lib").toAbsolutePath();
        if (Files.isRegularFile(jar) && Files.isDirectory(lib)) return jar + java.io.File.pathSeparator + lib + "/*";
        return System.getProperty("java.class.path");
    }

    private static void collect(Path report, Map<String, List<Long>> figures, int run) throws Exception {
        if (!Files.exists(report)) {
            System.out.println("run " + run + ": no report; see " + report.resolveSibling("out.log"));
            return;
        }
        for (String line : Files.readAllLines(report)) {
            String[] kv = line.split("=");
            figures.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(Long.parseLong(kv[1].trim()));
        }
    }

    private static void print(Map<String, List<Long>> figures) {
        figures.forEach((k, v) -> {
            List<Long> s = v.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-18s runs %d  min %5d ms  median %5d ms  max %5d ms%n", k, s.size(), s.get(0), s.get(s.size() / 2), s.get(s.size() - 1));
        });
    }
}
