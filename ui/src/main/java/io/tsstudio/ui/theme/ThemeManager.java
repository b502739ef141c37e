package io.tsstudio.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the current theme to the main scene and to every other window the studio opens (dialogs, popups), and
 * re-applies it when the theme changes.
 */
public final class ThemeManager {
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final List<Scene> scenes = new ArrayList<>();

    public ThemeManager(Theme initial) {
        theme.set(initial);
        theme.addListener((o, a, b) -> scenes.forEach(this::apply));
        // Dialogs and popups get the theme as they appear.
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    if (w.getScene() != null) applyOnce(w.getScene());
                }
            }
        });
    }

    public void register(Scene scene) {
        scenes.add(scene);
        apply(scene);
    }

    private void applyOnce(Scene scene) {
        if (!scenes.contains(scene)) apply(scene);
    }

    private void apply(Scene scene) {
        ObservableList<String> sheets = scene.getStylesheets();
        for (Theme t : Theme.values()) sheets.removeAll(t.stylesheets());
        sheets.addAll(0, theme.get().stylesheets());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public void toggle() {
        theme.set(theme.get().toggled());
    }
}
