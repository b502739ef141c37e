package io.tsstudio.ui.theme;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The studio's icons: stroked SVG paths on a 24x24 grid, read from {@code resources/icons/icons.properties} and
 * coloured by the theme's CSS ({@code .icon}), so they follow light and dark themes without separate bitmaps.
 */
public final class Icons {
    private static final Properties PATHS = load();

    private Icons() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Icons.class.getResourceAsStream("/io/tsstudio/resources/icons/icons.properties")) {
            if (in == null) throw new IllegalStateException("icons.properties is missing from the resources module");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** An icon node {@code size} pixels square; extra style classes (e.g. {@code icon-accent}) tint it. */
    public static Node get(String name, double size, String... styleClasses) {
        String data = PATHS.getProperty(name);
        if (data == null) throw new IllegalArgumentException("no icon named '" + name + "'");
        SVGPath path = new SVGPath();
        path.setContent(data);
        path.getStyleClass().add("icon");
        path.getStyleClass().addAll(styleClasses);
        double scale = size / 24.0;
        path.setScaleX(scale);
        path.setScaleY(scale);
        // A fixed 24x24 box keeps every icon the same size after scaling, whatever its path's extent.
        Rectangle box = new Rectangle(24, 24);
        box.setFill(null);
        box.setStroke(null);
        box.setMouseTransparent(true);
        Group g = new Group(box, path);
        g.setScaleX(scale);
        g.setScaleY(scale);
        path.setScaleX(1);
        path.setScaleY(1);
        return new Group(g);
    }

    public static Node get(String name) {
        return get(name, 16);
    }

    public static boolean exists(String name) {
        return PATHS.containsKey(name);
    }
}
