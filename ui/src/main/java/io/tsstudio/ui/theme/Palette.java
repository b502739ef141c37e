package io.tsstudio.ui.theme;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours a canvas paints with, read from the theme's stylesheets: each is a looked-up colour the theme defines on
 * {@code .root} (for example {@code -graph-edge: #9aa3ad;}). JavaFX has no API to ask for a looked-up colour, so
 * each name is the background of a probe region in a scene of its own with the same stylesheets, and is read back
 * after CSS has been applied. Only names the sheets declare on {@code .root} are probed: JavaFX logs a
 * ClassCastException for a probe whose name resolves to nothing. Canvases draw with code, not CSS: {@link #follow}
 * tells them when to read again.
 */
public final class Palette {
    private final Map<String, Color> colors;

    private Palette(Map<String, Color> colors) {
        this.colors = colors;
    }

    /** The colours {@code names} resolve to under {@code stylesheets}; a name the sheets do not define is absent. Call on the FX thread. */
    public static Palette read(List<String> stylesheets, Collection<String> names) {
        // Several canvases read the same palette at each theme switch; the stylesheets do not change at run time.
        return CACHE.computeIfAbsent(new Key(List.copyOf(stylesheets), java.util.Set.copyOf(names)), k -> probe(k.sheets(), k.names()));
    }

    private record Key(List<String> sheets, java.util.Set<String> names) {
    }

    private static final Map<Key, Palette> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static Palette probe(List<String> stylesheets, Collection<String> names) {
        for (String name : names) {
            if (!name.matches("-[a-z][a-z0-9-]*")) throw new IllegalArgumentException("not a looked-up colour name: " + name);
        }
        java.util.Set<String> declared = declaredOnRoot(stylesheets);
        Group root = new Group();
        Map<String, Region> probes = new HashMap<>();
        for (String name : names) {
            if (!declared.contains(name)) continue;
            Region probe = new Region();
            probe.setStyle("-fx-background-color: " + name + ";");
            probes.put(name, probe);
            root.getChildren().add(probe);
        }
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();
        Map<String, Color> colors = new HashMap<>();
        probes.forEach((name, probe) -> {
            Background bg = probe.getBackground();
            if (bg != null && !bg.getFills().isEmpty() && bg.getFills().get(0).getFill() instanceof Color c) colors.put(name, c);
        });
        return new Palette(colors);
    }

    /** The looked-up names the stylesheets declare in a {@code .root} rule (a sheet that cannot be read declares none). */
    static java.util.Set<String> declaredOnRoot(List<String> stylesheets) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String sheet : stylesheets) {
            javafx.css.Stylesheet parsed;
            try {
                parsed = new javafx.css.CssParser().parse(new java.net.URL(sheet));
            } catch (java.io.IOException | RuntimeException e) {
                continue;
            }
            for (javafx.css.Rule rule : parsed.getRules()) {
                boolean onRoot = rule.getSelectors().stream()
                        .anyMatch(sel -> sel instanceof javafx.css.SimpleSelector s && s.getStyleClasses().contains("root"));
                if (!onRoot) continue;
                for (javafx.css.Declaration d : rule.getDeclarations()) names.add(d.getProperty());
            }
        }
        return names;
    }

    /** The colour of {@code name}, or {@code fallback} where the theme does not define it. */
    public Color color(String name, Color fallback) {
        return colors.getOrDefault(name, fallback);
    }

    /** As {@link #color}, in ARGB. */
    public int argb(String name, int fallback) {
        Color c = colors.get(name);
        if (c == null) return fallback;
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    public boolean defines(String name) {
        return colors.containsKey(name);
    }

    /**
     * Calls {@code themeChanged} with the stylesheets of {@code node}'s scene whenever the node joins a scene or the
     * scene's stylesheets change (a theme switch), so a canvas can read its palette again and repaint.
     */
    public static void follow(Node node, java.util.function.Consumer<List<String>> themeChanged) {
        ListChangeListener<String> sheetsChanged = c -> themeChanged.accept(List.copyOf(c.getList()));
        node.sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.getStylesheets().removeListener(sheetsChanged);
            if (now != null) {
                ObservableList<String> sheets = now.getStylesheets();
                sheets.addListener(sheetsChanged);
                themeChanged.accept(List.copyOf(sheets));
            }
        });
        if (node.getScene() != null) {
            node.getScene().getStylesheets().addListener(sheetsChanged);
            themeChanged.accept(List.copyOf(node.getScene().getStylesheets()));
        }
    }
}
