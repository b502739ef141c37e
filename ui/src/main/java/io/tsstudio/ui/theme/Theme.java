package io.tsstudio.ui.theme;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The studio's colour themes. Each is the shared structural stylesheet plus one palette stylesheet. */
public enum Theme {
    LIGHT("studio-light.css"),
    DARK("studio-dark.css");

    private static final String BASE = "/io/tsstudio/resources/themes/";

    private final String palette;

    Theme(String palette) {
        this.palette = palette;
    }

    /** Stylesheet URLs, shared structure first so the palette can override it. */
    public List<String> stylesheets() {
        return List.of(url("studio.css"), url(palette));
    }

    private static String url(String name) {
        return Objects.requireNonNull(Theme.class.getResource(BASE + name), "missing theme resource " + name).toExternalForm();
    }

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public static Theme parse(String name, Theme fallback) {
        if (name == null) return fallback;
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
