package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.theme.Palette;
import javafx.scene.paint.Color;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The graph editor canvas's colours, one set per theme. Each {@link Role} is a looked-up colour of the theme's
 * stylesheet ({@code -editor-block-body}); the dark values below are what a host without the studio's themes gets.
 */
final class EditorColors {
    enum Role {
        BACKGROUND("#1e2127"), GRID("#272b33"), BLOCK_BODY("#2c313a"), BLOCK_BORDER("#3e4451"), TEXT("#d7dae0"), MUTED("#8b93a1"),
        EDGE("#7f8ea3"), SELECTED("#61afef"), ISSUE("#e06c75"), ISSUE_TEXT("#ffffff"),
        INPUT_HEADER("#3b6e4f"), OUTPUT_HEADER("#7a4f2a"), CONSTANT_HEADER("#555d6b"), MODULE_HEADER("#34557a"), OPERATOR_HEADER("#5b4a7a"),
        TENSOR_PORT("#e5c07b"), NUMBER_PORT("#56b6c2"), LIST_PORT("#98c379"), OTHER_PORT("#abb2bf");

        private final Color fallback;

        Role(String fallback) {
            this.fallback = Color.web(fallback);
        }

        String cssName() {
            return "-editor-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final List<String> NAMES = Arrays.stream(Role.values()).map(Role::cssName).toList();

    static final EditorColors FALLBACK = new EditorColors(new EnumMap<>(Role.class));

    private final Map<Role, Color> colors;

    private EditorColors(Map<Role, Color> colors) {
        this.colors = colors;
    }

    /** The colours {@code stylesheets} define; roles they leave out keep their fallback. Call on the FX thread. */
    static EditorColors read(List<String> stylesheets) {
        Palette p = Palette.read(stylesheets, NAMES);
        Map<Role, Color> c = new EnumMap<>(Role.class);
        for (Role r : Role.values()) c.put(r, p.color(r.cssName(), r.fallback));
        return new EditorColors(c);
    }

    Color get(Role role) {
        return colors.getOrDefault(role, role.fallback);
    }
}
