package io.tsstudio.ui.graph.layout;

import io.tsstudio.ui.graph.model.GraphNode;

/**
 * Sizes of drawn nodes in world units (pixels at zoom 1), from an estimate of the text width, so layout needs no
 * font metrics and gives the same picture headless and on screen.
 */
public final class NodeSizes {
    public static final double TITLE_CHAR = 7.0;
    public static final double SUB_CHAR = 6.0;
    public static final double HEIGHT = 38;
    public static final double MIN_WIDTH = 64;
    public static final double MAX_WIDTH = 300;
    /** Inside an open container: space for its header and around its content. */
    public static final double HEADER = 26;
    public static final double PAD = 10;

    private NodeSizes() {
    }

    public static double collapsedWidth(GraphNode n) {
        int chars = n.title().length() + (n.isContainer() ? 2 : 0);
        double w = Math.max(chars * TITLE_CHAR, n.subtitle().length() * SUB_CHAR) + 22;
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w));
    }

    public static double collapsedHeight(GraphNode n) {
        return n.isContainer() ? HEIGHT + 6 : HEIGHT;
    }

    public static double openWidth(GraphNode n, GroupLayout inside) {
        return Math.max(collapsedWidth(n), inside.width() + 2 * PAD);
    }

    public static double openHeight(GroupLayout inside) {
        return inside.height() + HEADER + PAD;
    }
}
