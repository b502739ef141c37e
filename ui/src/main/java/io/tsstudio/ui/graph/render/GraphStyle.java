package io.tsstudio.ui.graph.render;

import io.tsstudio.ui.graph.model.GraphNode;

import java.util.function.ToIntFunction;

/**
 * The colours (ARGB) every renderer paints a graph with, and the level-of-detail thresholds they share. The colours
 * are one palette per theme: {@link #LIGHT} (the files the CLI and export write), or one read from the theme's
 * stylesheet, where each {@link Role} is a looked-up colour named {@link Role#cssName()}.
 */
public final class GraphStyle {
    /** Below this zoom no text is drawn; below {@link #NO_ARROWS} edges lose their heads. */
    public static final double NO_TEXT = 0.45;
    public static final double NO_SUBTITLE = 0.7;
    public static final double EDGE_LABELS = 1.0;
    public static final double NO_ARROWS = 0.3;
    /** Below this zoom nodes are plain rectangles (no corners, outlines or antialiasing): they are a few pixels big. */
    public static final double FAR = 0.2;

    /** What a colour is for; each has a CSS name and its light-theme value. */
    public enum Role {
        BACKGROUND(0xFFFAFAFA), EDGE(0xFF9AA3AD), EDGE_TRACED(0xFFE8590C), EDGE_TEXT(0xFF7B8794),
        TEXT(0xFF1F2933), SUBTEXT(0xFF5B6670),
        SELECTED(0xFF1971C2), TRACED(0xFFE8590C), SEARCH(0xFFF59F00), SOURCE(0xFF2F9E44),
        IO_FILL(0xFFD3F9D8), MODULE_FILL(0xFFFFF3BF), CONTROL_FILL(0xFFE5DBFF), BRANCH_FILL(0xFFF3F0FF), SECTION_FILL(0xFFC5F6FA),
        CONSTANT_FILL(0xFFF1F3F5), ERROR_FILL(0xFFFFE3E3),
        OP_FILL(0xFFE7F5FF), OP_OTHER_FILL(0xFFE9ECEF), OP_LINEAR_FILL(0xFFD0EBFF), OP_ACTIVATION_FILL(0xFFFFD8D8),
        OP_NORM_FILL(0xFFD3F9D8), OP_SHAPE_FILL(0xFFF1F3F5),
        IO_STROKE(0xFF2F9E44), MODULE_STROKE(0xFFF08C00), CONTROL_STROKE(0xFF7048E8), SECTION_STROKE(0xFF1098AD),
        ERROR_STROKE(0xFFE03131), STROKE(0xFF868E96);

        private final int light;

        Role(int light) {
            this.light = light;
        }

        /** The looked-up colour a theme defines for it: {@code -graph-edge-traced} for EDGE_TRACED. */
        public String cssName() {
            return "-graph-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public int light() {
            return light;
        }
    }

    public static final GraphStyle LIGHT = of(Role::light);

    private final int[] colors;

    private GraphStyle(int[] colors) {
        this.colors = colors;
    }

    /** A palette from {@code colour}, called once per role. */
    public static GraphStyle of(ToIntFunction<Role> colour) {
        int[] c = new int[Role.values().length];
        for (Role r : Role.values()) c[r.ordinal()] = colour.applyAsInt(r);
        return new GraphStyle(c);
    }

    public int color(Role role) {
        return colors[role.ordinal()];
    }

    public int fill(GraphNode n) {
        return color(switch (n.kind()) {
            case INPUT, OUTPUT -> Role.IO_FILL;
            case MODULE -> Role.MODULE_FILL;
            case CONTROL -> Role.CONTROL_FILL;
            case BRANCH -> Role.BRANCH_FILL;
            case SECTION -> Role.SECTION_FILL;
            case CONSTANT -> Role.CONSTANT_FILL;
            case ERROR -> Role.ERROR_FILL;
            case OPERATOR -> operatorFill(n);
        });
    }

    public int stroke(GraphNode n) {
        return color(switch (n.kind()) {
            case INPUT, OUTPUT -> Role.IO_STROKE;
            case MODULE -> Role.MODULE_STROKE;
            case CONTROL, BRANCH -> Role.CONTROL_STROKE;
            case SECTION -> Role.SECTION_STROKE;
            case ERROR -> Role.ERROR_STROKE;
            default -> Role.STROKE;
        });
    }

    /** Open containers are drawn as a pale frame with a coloured header. */
    public int openFill(GraphNode n) {
        return (fill(n) & 0x00FFFFFF) | 0x55000000;
    }

    private static Role operatorFill(GraphNode n) {
        String k = n.ir().map(i -> i.shortKind()).orElse(n.title());
        if (!"aten".equals(n.category())) {
            return Role.OP_OTHER_FILL;
        }
        if (k.contains("linear") || k.contains("conv") || k.contains("matmul") || k.contains("mm") || k.contains("embedding")) {
            return Role.OP_LINEAR_FILL;
        }
        if (k.contains("relu") || k.contains("gelu") || k.contains("sigmoid") || k.contains("tanh") || k.contains("softmax")
                || k.contains("silu")) {
            return Role.OP_ACTIVATION_FILL;
        }
        if (k.contains("norm") || k.contains("dropout")) {
            return Role.OP_NORM_FILL;
        }
        if (k.contains("view") || k.contains("reshape") || k.contains("permute") || k.contains("transpose")
                || k.contains("size") || k.contains("cat") || k.contains("split") || k.contains("chunk")) {
            return Role.OP_SHAPE_FILL;
        }
        return Role.OP_FILL;
    }
}
