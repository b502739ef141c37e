package io.tsstudio.app.worker;

import io.tsstudio.engine.ops.OperatorLibraries;

import java.io.File;
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
    /**
     * The environment variable that carries the worker's secret: never the command line, which any local user can
     * read ({@code ps}, {@code /proc/PID/cmdline}); a process's environment is readable only by its owner.
     */
    public static final String SECRET_ENV = "TSSTUDIO_WORKER_SECRET";

    public WorkerLaunch {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Same JVM and class path as the running app. */
    public static WorkerLaunch sameAsThisProcess() {
        // A native crash report goes next to the studio's log (Help > Open Log Folder), not into the shared /tmp
        // or whatever directory the app was started from.
        String errorFile = io.tsstudio.app.home.AppLog.directory().resolve("worker-hs_err_%p.log").toString();
        List<String> opts = new ArrayList<>(List.of("-Xss16m", "-Xmx1g", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-XX:ErrorFile=" + errorFile, "-XX:-CreateCoredumpOnCrash"));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) opts.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        String transport = System.getProperty(io.tsstudio.app.ipc.LocalServer.TRANSPORT_PROPERTY);
        if (transport != null) opts.add("-D" + io.tsstudio.app.ipc.LocalServer.TRANSPORT_PROPERTY + "=" + transport);
        String home = System.getProperty("tsstudio.home");
        if (home != null && !home.isBlank()) opts.add("-Dtsstudio.home=" + home); // the same log folder as the studio's
        return new WorkerLaunch(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), opts, false);
    }

    public WorkerLaunch withTestHooks() {
        return new WorkerLaunch(java, classPath, jvmOptions, true);
    }

    /** The command line: the channel's address only; the secret goes in {@link #SECRET_ENV}. */
    List<String> command(String address) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        if (testHooks) cmd.add("-D" + WorkerMain.TEST_HOOKS_PROPERTY + "=true");
        // operator libraries loaded in the app (Preferences, --load-library) are loaded in the worker too
        List<Path> libraries = OperatorLibraries.loaded();
        if (!libraries.isEmpty()) {
            cmd.add("-D" + WorkerMain.LIBRARIES_PROPERTY + "=" + String.join(File.pathSeparator, libraries.stream().map(Path::toString).toList()));
        }
        cmd.addAll(List.of("-cp", classPath, MAIN_CLASS, "worker", "--connect", address));
        return cmd;
    }
}
