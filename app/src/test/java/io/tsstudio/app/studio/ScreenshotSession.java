package io.tsstudio.app.studio;

import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.CodeEditorView;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.session.RegistryOperators;
import io.tsstudio.ui.theme.Theme;
import io.tsstudio.ui.theme.ThemeManager;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.preferences.StudioDirs;
import io.tsstudio.ui.preferences.StudioSettings;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts the real studio (same view model and window as the app) into a state worth a screenshot: the sample workspace
 * open, a tensor selected, a script with a typo underlined and the completion list showing; then writes a marker
 * file so a script can grab the screen ({@code import -window root}) under Xvfb. Not a test; run by hand:
 * {@code java -Dtsstudio.theme=dark -cp <test classpath> io.tsstudio.app.studio.ScreenshotSession HOME MARKER}.
 */
public final class ScreenshotSession extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        StudioDirs dirs = StudioDirs.under(Path.of(args.get(0)));
        Path marker = Path.of(args.get(1));
        Theme theme = Theme.parse(System.getProperty("tsstudio.theme"), Theme.LIGHT);
        StudioViewModel vm = new StudioViewModel(new EngineModelBackend(new RegistryOperators()), dirs, Platform::runLater, new LogConsole(Platform::runLater));
        ThemeManager themes = new ThemeManager(theme);
        StudioSettings settings = new StudioSettings(dirs.configDir().resolve("s.properties"));
        // A wider graph dock than the default, so the picture shows code, weights and graph side by side.
        settings.put("split.left", 0.27);
        settings.put("split.right", 0.62);
        settings.put("split.bottom", 0.82);
        MainWindow window = new MainWindow(stage, vm, themes, settings);
        boolean withCompletion = Boolean.getBoolean("shot.completion");
        GraphWiring.install(window, vm, vm.ioExecutor());
        io.tsstudio.app.studio.RunPanelWiring.install(window, vm.workspace()).startWorker();
        Scene scene = new Scene(window.root(), 1280, 800);
        themes.register(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        vm.warmUp();
        List<Path> samples = SampleWorkspace.prepare(dirs.workspace());
        vm.open(samples).thenRun(() -> Platform.runLater(() -> {
            window.inspector().selectTensor("encoder.weight");
            if (Boolean.getBoolean("shot.runPanel")) window.dock().getSelectionModel().select(1);
            EditorViewModel script = vm.buffers().stream().filter(b -> b.kind() == BufferKind.SCRIPT).findFirst().orElseThrow();
            vm.workspace().activeBufferProperty().set(script);
            CodeEditorView editor = window.editorOf(script).orElseThrow();
            String text = script.text();
            int at = text.indexOf("return swish(y, 1.5)");
            editor.codeArea().replaceText(at, at + "return swish(y, 1.5)".length(), "return swish(y, 1.5) + bias");
            if (withCompletion) {
                editor.codeArea().insertText(text.indexOf("    return x * torch.sigmoid"), "    z = torch.rel\n");
                editor.codeArea().moveTo(text.indexOf("    return x * torch.sigmoid") + "    z = torch.rel".length());
            }
            editor.codeArea().requestFocus();
            PauseTransition wait = new PauseTransition(Duration.seconds(2));
            wait.setOnFinished(e -> {
                if (withCompletion) editor.showCompletion();
                PauseTransition shoot = new PauseTransition(Duration.seconds(1.5));
                shoot.setOnFinished(x -> {
                    try {
                        Files.writeString(marker, "ready");
                    } catch (Exception ignored) {
                        Platform.exit();
                    }
                });
                shoot.play();
            });
            wait.play();
        }));
    }
}
