package io.tsstudio.app.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a worker JVM: the same Java and class path as this process, {@code Launcher worker}.
 *
 * @param testHooks lets the worker obey the {@code exit} and {@code crash} requests that tests use to kill it
 */
public record WorkerLaunch(Path java, String classPath, List<String> jvmOptions, boolean testHooks) {
    public static final String MAIN_CLASS = "io.tsstudio.app.Launcher";

    public WorkerLaunch {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Same JVM and class path as the running app. */
    public static WorkerLaunch sameAsThisProcess() {
        // A native crash report goes next to the studio's log (Help > Open Log Folder), not into the shared /tmp
        // or whatever directory the app was started from.
        String errorFile = io.tsstudio.app.AppLog.directory().resolve("worker-hs_err_%p.log").toString();
        List<String> opts = new ArrayList<>(List.of("-Xss16m", "-Xmx1g", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-XX:ErrorFile=" + errorFile, "-XX:-CreateCoredumpOnCrash"));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) opts.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        String home = System.getProperty("tsstudio.home");
        if (home != null && !home.isBlank()) opts.add("-Dtsstudio.home=" + home); // the same log folder as the studio's
        return new WorkerLaunch(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), opts, false);
    }

    public WorkerLaunch withTestHooks() {
        return new WorkerLaunch(java, classPath, jvmOptions, true);
    }

    List<String> command(int port, String token) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        if (testHooks) cmd.add("-D" + WorkerMain.TEST_HOOKS_PROPERTY + "=true");
        cmd.addAll(List.of("-cp", classPath, MAIN_CLASS, "worker", "--port", Integer.toString(port), "--token", token));
        return cmd;
    }
}
