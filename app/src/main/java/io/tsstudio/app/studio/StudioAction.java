package io.tsstudio.app.studio;

import javafx.beans.value.ObservableBooleanValue;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One entry of the main window's {@link StudioActions actions table}: an action (its menu, text, accelerator, icon,
 * tooltip, when it is enabled and what it does), or a separator, or a slot the window fills with a menu of its own
 * (Open Recent, Preferences). The menu bar, the toolbar and the shortcut list are all built from these entries.
 *
 * @param accelerator a {@link javafx.scene.input.KeyCombination} string ("Shortcut+S"), or null
 * @param icon        an {@link io.tsstudio.ui.theme.Icons} name, or null
 * @param tooltip     the toolbar tooltip (the accelerator is added to it); null: the menu text
 * @param toolText    the text a toolbar button shows beside its icon, or null for an icon only
 * @param enabledWhen when the action can run, from the view model's state; null: always
 */
public record StudioAction(Kind kind, String id, StudioMenu menu, String text, String accelerator, String icon, String tooltip,
                           String toolText, Consumer<ActionContext> handler, Function<StudioViewModel, ObservableBooleanValue> enabledWhen) {
    public enum Kind { ACTION, SEPARATOR, SLOT }

    /** The menus of the menu bar, in order. */
    public enum StudioMenu {
        FILE("_File"), EDIT("_Edit"), BUILD("_Build"), VIEW("_View"), HELP("_Help");

        private final String title;

        StudioMenu(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public static StudioAction action(String id, StudioMenu menu, String text, Consumer<ActionContext> handler) {
        return new StudioAction(Kind.ACTION, id, menu, text, null, null, null, null, handler, null);
    }

    public static StudioAction separator(StudioMenu menu) {
        return new StudioAction(Kind.SEPARATOR, "-", menu, null, null, null, null, null, null, null);
    }

    /** A place in a menu the window fills with a menu item of its own, by id. */
    public static StudioAction slot(String id, StudioMenu menu) {
        return new StudioAction(Kind.SLOT, id, menu, null, null, null, null, null, null, null);
    }

    public StudioAction key(String combination) {
        return new StudioAction(kind, id, menu, text, combination, icon, tooltip, toolText, handler, enabledWhen);
    }

    public StudioAction icon(String name) {
        return new StudioAction(kind, id, menu, text, accelerator, name, tooltip, toolText, handler, enabledWhen);
    }

    public StudioAction tooltip(String text) {
        return new StudioAction(kind, id, menu, this.text, accelerator, icon, text, toolText, handler, enabledWhen);
    }

    public StudioAction toolText(String text) {
        return new StudioAction(kind, id, menu, this.text, accelerator, icon, tooltip, text, handler, enabledWhen);
    }

    public StudioAction enabledWhen(Function<StudioViewModel, ObservableBooleanValue> condition) {
        return new StudioAction(kind, id, menu, text, accelerator, icon, tooltip, toolText, handler, condition);
    }

    /** The accelerator as the shortcut list and tooltips print it ("Ctrl+Shift+S"), or "" for none. */
    public String keyText() {
        if (accelerator == null) return "";
        StringBuilder sb = new StringBuilder();
        for (String part : accelerator.split("\\+")) {
            if (sb.length() > 0) sb.append('+');
            sb.append(switch (part.toLowerCase(Locale.ROOT)) {
                case "shortcut", "ctrl" -> "Ctrl";
                case "alt" -> "Alt";
                case "shift" -> "Shift";
                case "meta" -> "Meta";
                default -> part;
            });
        }
        return sb.toString();
    }

    /** The toolbar tooltip: the tooltip text with its accelerator. */
    public String toolTipText() {
        String t = tooltip != null ? tooltip : text.replace("\u2026", "");
        return accelerator == null ? t : t + " (" + keyText() + ")";
    }
}
