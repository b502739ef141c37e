package io.tsstudio.ui.graph.render;

import io.tsstudio.ui.graph.model.GraphNode;

/** Colours (ARGB) and the level-of-detail thresholds shared by every renderer. */
public final class GraphStyle {
    public static final int BACKGROUND = 0xFFFAFAFA;
    public static final int EDGE = 0xFF9AA3AD;
    public static final int EDGE_TRACED = 0xFFE8590C;
    public static final int TEXT = 0xFF1F2933;
    public static final int SUBTEXT = 0xFF5B6670;
    public static final int EDGE_TEXT = 0xFF7B8794;
    public static final int SELECTED = 0xFF1971C2;
    public static final int TRACED = 0xFFE8590C;
    public static final int SEARCH = 0xFFF59F00;
    public static final int SOURCE = 0xFF2F9E44;
    /** Below this zoom no text is drawn; below {@link #NO_ARROWS} edges lose their heads. */
    public static final double NO_TEXT = 0.45;
    public static final double NO_SUBTITLE = 0.7;
    public static final double EDGE_LABELS = 1.0;
    public static final double NO_ARROWS = 0.3;
    /** Below this zoom nodes are plain rectangles (no corners, outlines or antialiasing): they are a few pixels big. */
    public static final double FAR = 0.2;

    private GraphStyle() {
    }

    public static int fill(GraphNode n) {
        return switch (n.kind()) {
            case INPUT, OUTPUT -> 0xFFD3F9D8;
            case MODULE -> 0xFFFFF3BF;
            case CONTROL -> 0xFFE5DBFF;
            case BRANCH -> 0xFFF3F0FF;
            case SECTION -> 0xFFC5F6FA;
            case CONSTANT -> 0xFFF1F3F5;
            case ERROR -> 0xFFFFE3E3;
            case OPERATOR -> operatorFill(n);
        };
    }

    public static int stroke(GraphNode n) {
        return switch (n.kind()) {
            case INPUT, OUTPUT -> 0xFF2F9E44;
            case MODULE -> 0xFFF08C00;
            case CONTROL, BRANCH -> 0xFF7048E8;
            case SECTION -> 0xFF1098AD;
            case ERROR -> 0xFFE03131;
            default -> 0xFF868E96;
        };
    }

    /** Open containers are drawn as a pale frame with a coloured header. */
    public static int openFill(GraphNode n) {
        return (fill(n) & 0x00FFFFFF) | 0x55000000;
    }

    private static int operatorFill(GraphNode n) {
        String k = n.ir().map(i -> i.shortKind()).orElse(n.title());
        if (!"aten".equals(n.category())) {
            return 0xFFE9ECEF;
        }
        if (k.contains("linear") || k.contains("conv") || k.contains("matmul") || k.contains("mm") || k.contains("embedding")) {
            return 0xFFD0EBFF;
        }
        if (k.contains("relu") || k.contains("gelu") || k.contains("sigmoid") || k.contains("tanh") || k.contains("softmax")
                || k.contains("silu")) {
            return 0xFFFFD8D8;
        }
        if (k.contains("norm") || k.contains("dropout")) {
            return 0xFFD3F9D8;
        }
        if (k.contains("view") || k.contains("reshape") || k.contains("permute") || k.contains("transpose")
                || k.contains("size") || k.contains("cat") || k.contains("split") || k.contains("chunk")) {
            return 0xFFF1F3F5;
        }
        return 0xFFE7F5FF;
    }
}
