package io.tsstudio.app.studio;

import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.grapheditor.GraphEditorView;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.session.RegistryOperators;
import io.tsstudio.ui.theme.Theme;
import io.tsstudio.ui.theme.ThemeManager;
import io.tsstudio.ui.session.AutosaveEntry;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.preferences.StudioDirs;
import io.tsstudio.ui.preferences.StudioSettings;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kill a studio session with unsaved work (SIGKILL, in its own JVM): a script and a graph-editor document. Start again:
 * the work is offered and comes back.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryTest {
    @TempDir
    Path home;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void unsavedBufferSurvivesAKillAndIsRecoveredOnTheNextStart() throws Exception {
        Path ready = home.resolve("ready");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process session = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledStudioSession.class.getName(),
                home.toString(), ready.toString()).redirectErrorStream(true).redirectOutput(home.resolve("session.log").toFile()).start();
        try {
            long end = System.currentTimeMillis() + 120_000;
            while (!Files.exists(ready) && session.isAlive() && System.currentTimeMillis() < end) Thread.sleep(50);
            assertTrue(Files.exists(ready), () -> "the session never autosaved: " + readLog(home.resolve("session.log")));
        } finally {
            session.destroyForcibly();
            session.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(session.isAlive());

        StudioDirs dirs = StudioDirs.under(home);
        StudioViewModel vm = fx(() -> new StudioViewModel(new EngineModelBackend(new RegistryOperators()), dirs, Platform::runLater,
                new LogConsole(Platform::runLater)));
        MainWindow window = fx(() -> {
            ThemeManager themes = new ThemeManager(Theme.LIGHT);
            MainWindow w = new MainWindow(stage, vm, themes, new StudioSettings(dirs.configDir().resolve("s.properties")));
            Scene scene = new Scene(w.root(), 1000, 700);
            themes.register(scene);
            stage.setScene(scene);
            stage.show();
            return w;
        });
        List<AutosaveEntry> pending = fx(vm::pendingRecovery);
        assertEquals(2, pending.size(), pending.toString());
        AutosaveEntry script = pending.stream().filter(e -> !StudioViewModel.GRAPH_MODEL.equals(e.kind())).findFirst().orElseThrow();
        assertEquals(KilledStudioSession.TEXT, script.text());
        fx(() -> vm.recover(pending)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // The graph-editor document comes back in a tab of its own, unsaved, with its blocks and connection.
        GraphEditorViewModel graph = fx(() -> vm.graphEditors().get(0));
        assertEquals(2, fx(() -> graph.document().size()));
        assertEquals(1, fx(() -> graph.document().connections().size()));
        assertTrue(fx(graph::isDirty), "the recovered graph is still unsaved");
        assertTrue(fx(() -> window.editorTabs().getTabs().stream().anyMatch(t -> t.getContent() instanceof GraphEditorView v && v.viewModel() == graph)),
                "the recovered graph has its tab");
        EditorViewModel recovered = fx(() -> vm.buffers().get(0));
        assertEquals(KilledStudioSession.TEXT, recovered.text());
        assertTrue(fx(recovered::isDirty), "recovered work is still unsaved");
        assertEquals(KilledStudioSession.TEXT, fx(() -> window.editorOf(recovered).orElseThrow().codeArea().getText()));
        assertTrue(fx(() -> vm.pendingRecovery().isEmpty()), "recovered entries are not offered twice");
        fx(() -> {
            vm.shutdown();
            return null;
        });
        assertTrue(new io.tsstudio.ui.session.AutosaveStore(dirs.autosave()).list().isEmpty(), "a clean exit leaves nothing to recover");
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
