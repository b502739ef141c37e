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
        // CDS archives classes from jars only: on a test class path (target/classes folders) an "archive" run would
        // silently measure the plain JVM again, so without the packaged app CDS is not measured at all.
        String why = packagedClassPath() == null
                ? "the packaged app (app/target/tsstudio-app.jar + app/target/lib) is missing: run mvn -pl app -am package -DskipTests"
                : null;
        Path jsa = Files.createTempDirectory("tsstudio-cds").resolve("tsstudio.jsa");
        if (why == null) {
            launch("-XX:ArchiveClassesAtExit=" + jsa); // records the archive, untimed
            if (!Files.isRegularFile(jsa) || Files.size(jsa) < 1 << 20) why = "no class-data-sharing archive was recorded at " + jsa;
        }
        Map<String, List<Long>> plain = new LinkedHashMap<>();
        Map<String, List<Long>> cds = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) { // alternating, so both see the same machine load
            collect(launch(), plain, i); // launch(null) passed a null array: List.of threw
            // -Xshare:on: a run that cannot map the archive fails (no report) instead of quietly running without it
            if (why == null) collect(launch("-XX:SharedArchiveFile=" + jsa, "-Xshare:on"), cds, i);
        }
        System.out.println("-- plain JVM (class path: " + (packagedClassPath() != null ? "packaged jars" : "this harness's") + ")");
        print(plain);
        if (why != null) {
            System.out.println("-- class-data-sharing archive NOT measured: " + why);
            System.exit(2);
        }
        System.out.println("-- with the class-data-sharing archive (what ./tsstudio uses after its first start)");
        print(cds);
    }

    private static Path launch(String... extraJvmOptions) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path home = Files.createTempDirectory("tsstudio-launch");
        Path report = home.resolve("startup.txt");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss16m", "-Xlog:cds*=off"));
        cmd.addAll(List.of(extraJvmOptions));
        cmd.addAll(List.of("-Dprism.order=sw", "-Dtsstudio.home=" + home, "-Dtsstudio.exitAfterMs=8000",
                "-Dtsstudio.startupReport=" + report, "-cp", classPath(), "io.tsstudio.app.Launcher"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve("out.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        return report;
    }

    /** The packaged class path, as {@code ./tsstudio} runs it; the harness's own class path when nothing is packaged. */
    private static String classPath() {
        String packaged = packagedClassPath();
        return packaged != null ? packaged : System.getProperty("java.class.path");
    }

    /** {@code app/target/tsstudio-app.jar} and its {@code lib/}, or null when the app is not packaged. */
    private static String packagedClassPath() {
        Path jar = Path.of("app/target/tsstudio-app.jar").toAbsolutePath();
        Path lib = Path.of("app/target/lib").toAbsolutePath();
        return Files.isRegularFile(jar) && Files.isDirectory(lib) ? jar + java.io.File.pathSeparator + lib + "/*" : null;
    }

    private static void collect(Path report, Map<String, List<Long>> figures, int run) throws Exception {
        if (!Files.exists(report)) {
            System.out.println("run " + run + ": no report (a CDS run that cannot map its archive ends here); see " + report.resolveSibling("out.log"));
            return;
        }
        for (String line : Files.readAllLines(report)) {
            String[] kv = line.split("=");
            figures.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(Long.parseLong(kv[1].trim()));
        }
    }

    private static void print(Map<String, List<Long>> figures) {
        if (figures.isEmpty()) System.out.println("(no runs produced a report)");
        figures.forEach((k, v) -> {
            List<Long> s = v.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-18s runs %d  min %5d ms  median %5d ms  max %5d ms%n", k, s.size(), s.get(0), s.get(s.size() / 2), s.get(s.size() - 1));
        });
    }
}
