package io.tsstudio.app.studio;

import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.session.RegistryOperators;
import io.tsstudio.ui.theme.Theme;
import io.tsstudio.ui.theme.ThemeManager;
import io.tsstudio.ui.session.AutosaveEntry;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.preferences.StudioDirs;
import io.tsstudio.ui.preferences.StudioSettings;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import io.tsstudio.ui.image.PngFiles;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The studio application: builds the main window and shows it at once; LibTorch loads in the background, then the
 * command line's files (or the sample workspace) open, after offering to recover unsaved work of a session that
 * did not end cleanly. Unsaved buffers and graph-editor documents are autosaved every few seconds (written off the FX
 * thread).
 */
public final class StudioApplication extends Application {
    private static final System.Logger LOG = System.getLogger(StudioApplication.class.getName());
    static final Duration AUTOSAVE_EVERY = Duration.seconds(5);

    private StudioViewModel vm;
    private MainWindow window;
    private Timeline autosave;
    private RunPanelWiring runPanel;
    private AutosaveOwnership autosaveOwnership;
    private SingleInstance singleInstance;

    @Override
    public void start(Stage stage) {
        StudioOptions options = StudioOptions.parse(getParameters().getRaw());
        StudioDirs dirs = StudioDirs.forUser();
        StudioSettings settings = new StudioSettings(dirs.configDir().resolve("studio.properties"));
        Theme theme = options.theme() != null ? options.theme() : Theme.parse(settings.get("theme", "LIGHT"), Theme.LIGHT);
        ThemeManager themes = new ThemeManager(theme);
        LogConsole console = new LogConsole(Platform::runLater);
        console.captureLogging("io.tsstudio");
        try {
            autosaveOwnership = AutosaveOwnership.claim(dirs.autosave());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot use the autosave folder " + dirs.autosave() + ": " + e.getMessage(), e);
        }
        vm = new StudioViewModel(new EngineModelBackend(new RegistryOperators()), dirs, autosaveOwnership.directory(), Platform::runLater, console);
        window = new MainWindow(stage, vm, themes, settings);
        listenForOtherInstances(stage, dirs, console);

        LayoutStore.Layout layout = window.savedLayout();
        Scene scene = new Scene(window.root(), layout.width(), layout.height());
        themes.register(scene);
        stage.setScene(scene);
        placeOnScreen(stage, layout);
        stage.setOnCloseRequest(e -> {
            if (!window.confirmQuit()) e.consume();
            else window.saveLayout();
        });
        stage.show();
        long shownMs = sinceLaunch();
        console.info("Window shown " + shownMs + " ms after launch; loading LibTorch in the background");
        report("windowShownMs", shownMs);

        autosave = new Timeline(new KeyFrame(AUTOSAVE_EVERY, e -> vm.autosaveNow()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();

        // The other components plug into the window's dock slots and follow the workspace's active model; they are
        // installed once the window is up (the run panel starts its worker process).
        Platform.runLater(() -> {
            // "Usable": the window's first frame is out and the FX thread takes events.
            report("windowUsableMs", sinceLaunch());
            Platform.runLater(() -> {
                // Drawing the icon takes a few snapshots; it can wait until the window is up.
                stage.getIcons().setAll(AppIcon.images());
                GraphWiring graph = GraphWiring.install(window, vm, vm.ioExecutor());
                // operator libraries (Preferences) load before the run worker starts and before any model opens
                for (String failure : new OperatorPreferences(settings).apply()) console.error(failure);
                runPanel = RunPanelWiring.install(window, vm.workspace());
                graph.followRuns(runPanel.view().viewModel());
                ObserveWiring.install(vm, window, graph, runPanel.view());
                openInitialFiles(options, dirs);
            });
        });
        if (options.exitAfterMillis() > 0) scheduleExit(stage, options);
    }

    private static long sinceLaunch() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Start-up figures for the launch benchmark ({@code -Dtsstudio.startupReport=FILE}); one {@code key=ms} line each. */
    private static void report(String key, long millis) {
        String file = System.getProperty("tsstudio.startupReport");
        if (file == null) return;
        try {
            Files.writeString(Path.of(file), key + "=" + millis + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write start-up report " + file + ": " + e.getMessage());
        }
    }

    private void openInitialFiles(StudioOptions options, StudioDirs dirs) {
        vm.warmUp().thenRun(() -> report("libtorchReadyMs", sinceLaunch()));
        // Only the studio that owns the shared autosave folder looks at what is there: a second live studio must never
        // offer (or discard) the first one's unsaved work as if it had been left by a crash.
        List<AutosaveEntry> recovery = autosaveOwnership.primary() ? vm.pendingRecovery() : List.of();
        boolean recovered = false;
        if (!recovery.isEmpty()) {
            List<String> names = recovery.stream().map(AutosaveEntry::name).toList();
            if (options.exitAfterMillis() > 0 || window.dialogs().confirmRecovery(names)) {
                vm.recover(recovery);
                recovered = true;
            } else {
                vm.discardRecovery(recovery);
            }
        }
        if (!options.files().isEmpty()) {
            vm.open(options.files()).whenComplete((done, failed) -> Platform.runLater(runPanel::startWorker));
            return;
        }
        runPanel.startWorker();
        if (!recovered) {
            try {
                vm.ioExecutor().execute(() -> {
                    try {
                        List<Path> files = SampleWorkspace.prepare(dirs.workspace());
                        Platform.runLater(() -> vm.open(files));
                    } catch (IOException | RuntimeException e) {
                        vm.console().error("Cannot prepare the sample workspace in " + dirs.workspace() + ": " + e.getMessage());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // The window was closed before the sample workspace was asked for: nothing to open.
            }
        }
    }

    /** {@code tsstudio FILE} started while this studio runs hands FILE over here (see {@link SingleInstance}). */
    private void listenForOtherInstances(Stage stage, StudioDirs dirs, LogConsole console) {
        try {
            singleInstance = SingleInstance.listen(dirs.data(), files -> Platform.runLater(() -> {
                if (!files.isEmpty()) vm.open(files);
                stage.setIconified(false);
                stage.toFront();
                stage.requestFocus();
            }));
            if (singleInstance == null) console.info("Another studio is running on " + dirs.data() + "; this one runs on its own");
        } catch (IOException | RuntimeException e) {
            console.warning("Files opened with tsstudio FILE will start a new studio: " + e.getMessage());
        }
        if (!autosaveOwnership.primary()) {
            console.info("Another studio is running: its unsaved work is left alone; this one autosaves to " + autosaveOwnership.directory());
        }
    }

    private static void placeOnScreen(Stage stage, LayoutStore.Layout layout) {
        if (layout.placed()) {
            // Only restore a position that is still on some screen (monitors come and go).
            Rectangle2D probe = new Rectangle2D(layout.x() + 20, layout.y() + 20, 40, 40);
            if (Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(probe))) {
                stage.setX(layout.x());
                stage.setY(layout.y());
            }
        }
        stage.setMaximized(layout.maximized());
    }

    private void scheduleExit(Stage stage, StudioOptions options) {
        Timeline t = new Timeline(new KeyFrame(Duration.millis(options.exitAfterMillis()), e -> {
            if (options.snapshot() != null) writeSnapshot(stage.getScene(), options.snapshot());
            Platform.exit();
        }));
        t.play();
    }

    private static void writeSnapshot(Scene scene, Path target) {
        try {
            PngFiles.write(scene.snapshot(null), target);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write snapshot " + target + ": " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (autosave != null) autosave.stop();
        if (runPanel != null) runPanel.close();
        if (window != null) window.closeGraphRuns();
        if (window != null) window.statusBar().stop();
        if (vm == null) return;
        if (singleInstance != null) singleInstance.close();
        vm.awaitLibTorchLoaded(60_000);
        if (window != null && window.keepAutosaves()) vm.close();
        else vm.shutdown();
        autosaveOwnership.close();
    }
}
