package io.tsstudio.app;

import io.tsstudio.app.cli.Cli;
import io.tsstudio.app.studio.StudioLauncher;
import io.tsstudio.app.worker.WorkerMain;

import java.util.Arrays;

import java.util.Set;

/**
 * The process entry point. A separate, non-{@code Application} main class so that JavaFX on the class path starts
 * (see BUILD-NOTES). Sub-commands go to the CLI; anything else (no arguments, or files) opens the studio.
 */
public final class Launcher {
    static final Set<String> COMMANDS = Set.of("inspect", "run", "compile", "graph", "help", "--help", "-h", "--version", "-V", "worker");

    private Launcher() {
    }

    public static void main(String[] args) {
        NativeCacheDirs.configure();
        if (args.length > 0 && args[0].equals("worker")) {
            AppLog.install("worker");
            System.exit(WorkerMain.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(Cli.run(args));
        }
        AppLog.install("studio");
        StudioLauncher.launch(args);
    }
}
