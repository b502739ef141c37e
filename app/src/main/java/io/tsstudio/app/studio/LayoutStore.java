package io.tsstudio.app.studio;

import io.tsstudio.ui.preferences.StudioSettings;

/**
 * Where the main window's layout is kept between sessions: the split-pane dividers, the window's place and size,
 * whether it was maximized, and which dock tabs were in front. The keys live in the studio's settings file, beside
 * the preferences; only this class reads or writes them.
 */
final class LayoutStore {
    /**
     * One window layout. Divider positions are fractions; {@code x}, {@code y} are NaN when the window has never been
     * placed (the platform places it), and the bounds are those of the last un-maximized window.
     */
    record Layout(double splitLeft, double splitRight, double splitBottom, double x, double y, double width, double height,
                  boolean maximized, String dockTab, String bottomTab) {
        Layout {
            if (width <= 0 || height <= 0) throw new IllegalArgumentException("window size must be positive: " + width + "x" + height);
        }

        boolean placed() {
            return !Double.isNaN(x) && !Double.isNaN(y);
        }
    }

    /** For 1280 px and up: a 230 px inspector, the editor, and a dock wide enough for the run panel's wide layout. */
    static final Layout DEFAULTS = new Layout(0.18, 0.50, 0.78, Double.NaN, Double.NaN, 1280, 800, false, "graphSlot", "problemsTab");

    private final StudioSettings settings;

    LayoutStore(StudioSettings settings) {
        this.settings = settings;
    }

    Layout load() {
        Layout d = DEFAULTS;
        double w = settings.getDouble("window.width", d.width());
        double h = settings.getDouble("window.height", d.height());
        return new Layout(
                fraction("split.left", d.splitLeft()), fraction("split.right", d.splitRight()), fraction("split.bottom", d.splitBottom()),
                settings.getDouble("window.x", d.x()), settings.getDouble("window.y", d.y()),
                w > 0 ? w : d.width(), h > 0 ? h : d.height(),
                settings.getBoolean("window.maximized", d.maximized()),
                settings.get("dock.tab", d.dockTab()), settings.get("dock.bottomTab", d.bottomTab()));
    }

    /** A divider position out of 0..1 (a hand-edited or damaged file) falls back to the default. */
    private double fraction(String key, double fallback) {
        double v = settings.getDouble(key, fallback);
        return v >= 0 && v <= 1 ? v : fallback;
    }

    /** Puts the layout into the settings and writes the settings file. Bounds that are NaN are left as they were. */
    void save(Layout l) {
        settings.put("split.left", l.splitLeft());
        settings.put("split.right", l.splitRight());
        settings.put("split.bottom", l.splitBottom());
        settings.put("window.maximized", l.maximized());
        if (l.placed()) {
            settings.put("window.x", l.x());
            settings.put("window.y", l.y());
        }
        settings.put("window.width", l.width());
        settings.put("window.height", l.height());
        if (l.dockTab() != null) settings.put("dock.tab", l.dockTab());
        if (l.bottomTab() != null) settings.put("dock.bottomTab", l.bottomTab());
        settings.save();
    }
}
