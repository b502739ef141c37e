package io.tsstudio.ui.theme;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** For TestFX tests of theming: {@code root} on {@code stage} in a scene the returned manager styles, light first. */
public final class ThemedStage {
    private ThemedStage() {
    }

    /**
     * Call from a {@code @Start} method. A manager styles every window shown after it with its theme, so a test that
     * switches to dark switches back (to {@link Theme#LIGHT}) when it ends.
     */
    public static ThemeManager show(Stage stage, Parent root, double width, double height) {
        ThemeManager themes = new ThemeManager(Theme.LIGHT);
        Scene scene = new Scene(root, width, height);
        themes.register(scene);
        stage.setScene(scene);
        stage.show();
        return themes;
    }
}
