package io.tsstudio.app;

import io.tsstudio.app.home.AppLog;
import io.tsstudio.app.home.NativeCacheDirs;
import io.tsstudio.app.cli.Cli;
import io.tsstudio.app.studio.SingleInstance;
import io.tsstudio.app.studio.StudioLauncher;
import io.tsstudio.app.studio.StudioOptions;
import io.tsstudio.app.worker.WorkerMain;
import io.tsstudio.engine.Torch;
import io.tsstudio.ui.preferences.StudioDirs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import java.util.Set;

/**
 * The process entry point. A separate, non-{@code Application} main class so that JavaFX on the class path starts
 * (see BUILD-NOTES). Sub-commands go to the CLI; anything else (no arguments, or files) opens the studio.
 *
 * <p>Before anything loads a native library, the native caches are made ready ({@link NativeCaches}): this is the
 * one place that does it, for the studio, its run worker and the command line alike.
 */
public final class Launcher {
    static final Set<String> COMMANDS = Set.of("inspect", "run", "profile", "compile", "graph", "diff", "export", "help", "--help", "-h", "--version", "-V", "worker");
    /** Commands that never touch LibTorch, so they need no native cache. */
    private static final Set<String> WITHOUT_LIBTORCH = Set.of("help", "--help", "-h");

    private Launcher() {
    }

    public static void main(String[] args) {
        NativeCacheDirs.configure();
        if (args.length > 0 && args[0].equals("worker")) {
            AppLog.install("worker");
            prepareLibTorch();
            System.exit(WorkerMain.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            if (!WITHOUT_LIBTORCH.contains(args[0])) prepareLibTorch();
            System.exit(Cli.run(args));
        }
        String unknown = CommandGuess.unknownCommandMessage(args);
        if (unknown != null) {
            System.err.println(unknown);
            System.exit(2);
        }
        long running = SingleInstance.forward(StudioDirs.forUser().data(), StudioOptions.parse(Arrays.asList(args)).files());
        if (running > 0) {
            System.err.println(args.length == 0 ? "tsstudio: the studio is already running (pid " + running + "); brought it to the front"
                    : "tsstudio: opened in the running studio (pid " + running + ")");
            System.exit(0);
        }
        String noDisplay = StudioLauncher.missingDisplay(System.getProperty("os.name", ""), System.getenv());
        if (noDisplay != null) {
            System.err.println(noDisplay);
            System.exit(1);
        }
        AppLog.install("studio");
        prepareJavaFx();
        prepareLibTorch();
        String failed = StudioLauncher.launch(args);
        if (failed != null) {
            System.err.println(failed);
            System.exit(1);
        }
    }

    /** Verifies (and on a first start fills) the LibTorch cache; a failure is reported and LibTorch's own loader tries. */
    private static void prepareLibTorch() {
        String dir = System.getProperty(NativeCacheDirs.JAVACPP_CACHEDIR);
        try {
            Path cache = Path.of(dir);
            String platform = NativeCaches.javaCppPlatform();
            boolean filled = NativeCaches.prepareJavaCpp(cache,
                    NativeCaches.javaCppNativeJars(System.getProperty("java.class.path", ""), platform), platform,
                    () -> System.err.println("tsstudio: first start: unpacking LibTorch into " + cache + " (about 450 MB, once)..."),
                    () -> {
                        Torch.buildConfig();
                        Torch.devices();
                    },
                    () -> System.err.println("tsstudio: waiting for another TorchScript Studio process to finish unpacking LibTorch..."));
            if (filled) System.err.println("tsstudio: LibTorch unpacked.");
        } catch (IOException | RuntimeException e) {
            System.err.println("tsstudio: warning: could not prepare the LibTorch cache in " + dir + ": " + e.getMessage());
        }
    }

    private static void prepareJavaFx() {
        String root = System.getProperty(NativeCacheDirs.JAVAFX_CACHEDIR);
        try {
            Path dir = StudioLauncher.prepareJavaFxCache(Path.of(root), NativeCaches::prepareJavaFx);
            if (dir != null) System.setProperty(NativeCacheDirs.JAVAFX_CACHEDIR, dir.toString());
        } catch (IOException | RuntimeException e) {
            System.err.println("tsstudio: warning: could not prepare the JavaFX cache in " + root + ": " + e.getMessage());
        }
    }
}
