package io.tsstudio.app.studio;

import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.session.RegistryOperators;
import io.tsstudio.ui.theme.Theme;
import io.tsstudio.ui.theme.ThemeManager;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.preferences.StudioDirs;
import io.tsstudio.ui.preferences.StudioSettings;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The studio's main window on a TestFX stage, as the application builds it: over the real engine, light theme,
 * 1280x800, with a data folder of its own. Call from a {@code @Start} method (the FX thread).
 */
record TestStudio(StudioDirs dirs, StudioViewModel vm, MainWindow window) {
    /** A fresh data folder under {@code home}. */
    static TestStudio show(Stage stage, Path home) throws IOException {
        return show(stage, StudioDirs.under(Files.createTempDirectory(home, "studio")));
    }

    static TestStudio show(Stage stage, StudioDirs dirs) {
        StudioViewModel vm = new StudioViewModel(new EngineModelBackend(new RegistryOperators()), dirs, Platform::runLater,
                new LogConsole(Platform::runLater));
        ThemeManager themes = new ThemeManager(Theme.LIGHT);
        MainWindow window = new MainWindow(stage, vm, themes, new StudioSettings(dirs.configDir().resolve("s.properties")));
        Scene scene = new Scene(window.root(), 1280, 800);
        themes.register(scene);
        stage.setScene(scene);
        stage.show();
        return new TestStudio(dirs, vm, window);
    }
}
