package io.tsstudio.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies the current theme to the main scene and to every other window the studio opens (dialogs, popups, the
 * compare and observed-value windows), and re-applies it to them all when the theme changes: to each window as it
 * appears (a hidden window shown again included) and to every open one at a switch.
 */
public final class ThemeManager {
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final List<Scene> scenes = new ArrayList<>();

    public ThemeManager(Theme initial) {
        theme.set(initial);
        theme.addListener((o, a, b) -> {
            scenes.forEach(this::apply);
            // windows open now (the compare window, the observed-value window, ...) switch with the main one
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.getScene() != null) applyOnce(w.getScene());
            }
        });
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

    /**
     * One change of the scene's stylesheets: removing the old theme and then adding the new one would show listeners
     * (canvases reading their palette) a list without any theme in between.
     */
    private void apply(Scene scene) {
        ObservableList<String> sheets = scene.getStylesheets();
        List<String> next = new ArrayList<>(theme.get().stylesheets());
        for (String s : sheets) {
            if (Arrays.stream(Theme.values()).noneMatch(t -> t.stylesheets().contains(s))) next.add(s);
        }
        if (!next.equals(sheets)) sheets.setAll(next);
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
