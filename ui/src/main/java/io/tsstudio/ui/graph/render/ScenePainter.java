package io.tsstudio.ui.graph.render;

import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.layout.NodeSizes;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.model.NodeKind;
import io.tsstudio.ui.graph.model.ShapeLookup;
import io.tsstudio.ui.graph.model.TypeText;

import java.util.Arrays;

/**
 * Draws the part of a scene inside a world rectangle onto any {@link Painter}: open container frames, then edges,
 * then nodes, all found through the scene's grid index (viewport culling). Level of detail: no text when zoomed
 * out, no arrow heads further out, edge type labels only when zoomed in.
 */
public final class ScenePainter {
    private int[] buffer = new int[256];
    private int count;

    private ShapeLookup shapes = ShapeLookup.none();
    private GraphStyle style = GraphStyle.LIGHT;

    /** The palette to paint with (the theme's); {@link GraphStyle#LIGHT} until set. */
    public void setStyle(GraphStyle style) {
        this.style = style;
    }

    public GraphStyle style() {
        return style;
    }

    /** Observed shapes to print on edges instead of the static type, where a run or trace supplied them. */
    public void setShapes(ShapeLookup lookup) {
        shapes = lookup == null ? ShapeLookup.none() : lookup;
    }

    private NodeDecor decor = NodeDecor.NONE;

    /** Fills and badges for nodes (an observed run's time per node), or null for none. */
    public void setDecor(NodeDecor d) {
        decor = d == null ? NodeDecor.NONE : d;
    }

    private java.util.function.Predicate<GraphNode> hiddenNode = n -> false;
    private java.util.function.Predicate<GraphEdge> hiddenEdge = e -> false;

    /** Nodes and edges the user hid: not painted (their place in the layout stays). */
    public void setHidden(java.util.function.Predicate<GraphNode> nodes, java.util.function.Predicate<GraphEdge> edges) {
        hiddenNode = nodes;
        hiddenEdge = edges;
    }

    private java.util.function.ToIntFunction<GraphNode> tint = n -> 0;

    /**
     * A fill colour per node (ARGB; 0 keeps the node's own): how a comparison marks modules added, removed, changed
     * or diverging.
     */
    public void setTint(java.util.function.ToIntFunction<GraphNode> fill) {
        tint = fill == null ? n -> 0 : fill;
    }

    /** Counters of the last paint, for the benchmark and tests. */
    public int lastNodes;
    public int lastEdges;

    public void paint(GraphScene scene, Painter p, double x0, double y0, double x1, double y1, double scale, Highlights hl) {
        boolean text = scale >= GraphStyle.NO_TEXT;
        boolean sub = scale >= GraphStyle.NO_SUBTITLE;
        boolean labels = scale >= GraphStyle.EDGE_LABELS;
        boolean arrows = scale >= GraphStyle.NO_ARROWS;
        boolean far = scale < GraphStyle.FAR;
        p.farDetail(far);
        double line = Math.max(1.0, 1.0 / scale) * (scale < 0.2 ? 0.6 : 1.0);

        collect(i -> scene.nodesIn(x0, y0, x1, y1, i));
        int[] nodes = Arrays.copyOf(buffer, count);
        Arrays.sort(nodes);
        lastNodes = nodes.length;
        for (int i : nodes) {
            if (scene.isOpen(i) && !hiddenNode.test(scene.node(i))) {
                if (far) {
                    farFrame(scene, p, i);
                } else {
                    frame(scene, p, i, text, hl, line);
                }
            }
        }
        collect(i -> scene.edgesIn(x0, y0, x1, y1, i));
        lastEdges = count;
        for (int k = 0; k < count; k++) {
            int e = buffer[k];
            GraphEdge edge = scene.edge(e);
            if (hiddenEdge.test(edge)) {
                continue;
            }
            boolean traced = !hl.traced().isEmpty() && isTraced(edge, hl);
            int color = traced ? style.color(GraphStyle.Role.EDGE_TRACED) : style.color(GraphStyle.Role.EDGE);
            double[] r = scene.route(e);
            if (r.length < 4) {
                continue;
            }
            p.polyline(r, color, traced ? 2 * line : line);
            int n = r.length;
            if (arrows) {
                arrow(p, r[n - 4], r[n - 3], r[n - 2], r[n - 1], color);
            }
            if (labels) {
                String label = shapes.shape(edge.from().group().path(), edge.valueId()).orElse(TypeText.brief(edge.type()));
                if (!label.isEmpty()) {
                    p.text(label, r[n - 4] + 4, (r[n - 3] + r[n - 1]) / 2 + 3, 9, false, style.color(GraphStyle.Role.EDGE_TEXT));
                }
            }
        }
        for (int i : nodes) {
            if (!scene.isOpen(i) && !hiddenNode.test(scene.node(i))) {
                if (far) {
                    farBox(scene, p, i, hl, scale);
                } else {
                    box(scene, p, i, text, sub, hl, line);
                }
            }
        }
        p.farDetail(false);
    }

    private void farFrame(GraphScene s, Painter p, int i) {
        GraphNode n = s.node(i);
        p.fillRect(s.x(i), s.y(i), s.w(i), s.h(i), style.openFill(n));
        p.fillRect(s.x(i), s.y(i), s.w(i), NodeSizes.HEADER - 4, fillOr(n, style.stroke(n)));
    }

    /** Far away a node is a block in its outline colour (reads better than the pale fill); marks stay visible. */
    private void farBox(GraphScene s, Painter p, int i, Highlights hl, double scale) {
        GraphNode n = s.node(i);
        int mark = outline(n, hl, 0);
        if (mark != 0) {
            double m = 3 / scale;
            p.fillRect(s.x(i) - m, s.y(i) - m, s.w(i) + 2 * m, s.h(i) + 2 * m, mark);
        }
        p.fillRect(s.x(i), s.y(i), s.w(i), s.h(i), fillOr(n, n.kind() == NodeKind.OPERATOR ? darker(style.fill(n)) : style.stroke(n)));
    }

    private static int darker(int argb) {
        int r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
        return 0xFF000000 | ((r * 3 / 4) << 16) | ((g * 3 / 4) << 8) | (b * 3 / 4);
    }

    private interface Query {
        void run(java.util.function.IntConsumer c);
    }

    private void collect(Query q) {
        count = 0;
        q.run(i -> {
            if (count == buffer.length) {
                buffer = Arrays.copyOf(buffer, count * 2);
            }
            buffer[count++] = i;
        });
    }

    private static boolean isTraced(GraphEdge e, Highlights hl) {
        boolean from = hl.traced().contains(e.from()) || e.from() == hl.selected();
        boolean to = hl.traced().contains(e.to()) || e.to() == hl.selected();
        return from && to;
    }

    private void frame(GraphScene s, Painter p, int i, boolean text, Highlights hl, double line) {
        GraphNode n = s.node(i);
        double x = s.x(i), y = s.y(i), w = s.w(i), h = s.h(i);
        p.fillRoundRect(x, y, w, h, 10, style.openFill(n));
        int header = fillOr(n, style.fill(n));
        p.fillRoundRect(x, y, w, NodeSizes.HEADER - 4, 10, header);
        p.strokeRoundRect(x, y, w, h, 10, outline(n, hl, style.stroke(n)), outlineWidth(n, hl, line));
        if (text) {
            String badge = decor.badge(n);
            p.text("\u25BE " + n.title() + (badge == null ? "" : "   " + badge), x + 8, y + 15, 12, true, ink(header, style.fill(n), GraphStyle.Role.TEXT));
        }
    }

    private void box(GraphScene s, Painter p, int i, boolean text, boolean sub, Highlights hl, double line) {
        GraphNode n = s.node(i);
        double x = s.x(i), y = s.y(i), w = s.w(i), h = s.h(i);
        double arc = n.kind() == NodeKind.INPUT || n.kind() == NodeKind.OUTPUT ? h : 8;
        int fill = fillOr(n, style.fill(n));
        p.fillRoundRect(x, y, w, h, arc, fill);
        if (n.isContainer()) {
            // a second edge hints "there is more inside"
            p.strokeRoundRect(x + 3, y + 3, w - 6, h - 6, arc, style.stroke(n) & 0x66FFFFFF, line);
        }
        p.strokeRoundRect(x, y, w, h, arc, outline(n, hl, style.stroke(n)), outlineWidth(n, hl, line));
        if (text) {
            String title = n.isContainer() ? "\u25B8 " + n.title() : n.title();
            double ty = sub ? y + 17 : y + h / 2 + 4;
            p.text(fit(title, w - 14, NodeSizes.TITLE_CHAR), x + 8, ty, 12, true, ink(fill, style.fill(n), GraphStyle.Role.TEXT));
            String st = n.subtitle();
            String badge = decor.badge(n);
            if (sub && badge != null) {
                // the time replaces the static type: the observed shapes are on the edges
                st = badge;
            }
            if (sub && !st.isEmpty()) {
                p.text(fit(st, w - 14, NodeSizes.SUB_CHAR), x + 8, y + 31, 10, false, ink(fill, style.fill(n), GraphStyle.Role.SUBTEXT));
            }
        }
    }

    /** A comparison's tint first, then an observed run's fill, else the node's own colour. */
    private int fillOr(GraphNode n, int normal) {
        int t = tint.applyAsInt(n);
        if (t != 0) return t;
        int f = decor.fill(n);
        return f == 0 ? normal : f;
    }

    /**
     * The text colour on a node's fill. On the theme's own fill it is the theme's text colour. A time heat or compare
     * tint is a data colour, the same in both themes (the light theme's dark text was unreadable on dark heat, the
     * dark theme's light text on pale heat), so the text on it is dark or light by the fill's luminance.
     */
    int ink(int fill, int ownFill, GraphStyle.Role role) {
        if (fill == ownFill || (fill >>> 24) != 0xFF) return style.color(role);
        double luminance = (0.2126 * ((fill >> 16) & 0xFF) + 0.7152 * ((fill >> 8) & 0xFF) + 0.0722 * (fill & 0xFF)) / 255;
        boolean paleFill = luminance > 0.55;
        if (role == GraphStyle.Role.SUBTEXT) return paleFill ? INK_ON_PALE_SUB : INK_ON_DEEP_SUB;
        return paleFill ? INK_ON_PALE : INK_ON_DEEP;
    }

    static final int INK_ON_PALE = 0xFF1F2933, INK_ON_PALE_SUB = 0xFF3E4C59;
    static final int INK_ON_DEEP = 0xFFF5F7FA, INK_ON_DEEP_SUB = 0xFFE4E7EB;

    private int outline(GraphNode n, Highlights hl, int normal) {
        if (n == hl.selected()) {
            return style.color(GraphStyle.Role.SELECTED);
        }
        if (hl.sourceHits().contains(n)) {
            return style.color(GraphStyle.Role.SOURCE);
        }
        if (hl.traced().contains(n)) {
            return style.color(GraphStyle.Role.TRACED);
        }
        if (hl.searchHits().contains(n)) {
            return style.color(GraphStyle.Role.SEARCH);
        }
        return normal;
    }

    private static double outlineWidth(GraphNode n, Highlights hl, double line) {
        boolean marked = n == hl.selected() || hl.sourceHits().contains(n) || hl.traced().contains(n)
                || hl.searchHits().contains(n);
        return marked ? Math.max(3, 3 * line) : line;
    }

    private static void arrow(Painter p, double fx, double fy, double tx, double ty, int color) {
        double dx = tx - fx, dy = ty - fy;
        double len = Math.hypot(dx, dy);
        if (len < 1e-6) {
            return;
        }
        dx /= len;
        dy /= len;
        double s = 6;
        p.triangle(tx, ty, tx - dx * s * 1.4 - dy * s * 0.6, ty - dy * s * 1.4 + dx * s * 0.6,
                tx - dx * s * 1.4 + dy * s * 0.6, ty - dy * s * 1.4 - dx * s * 0.6, color);
    }

    static String fit(String s, double width, double charWidth) {
        int max = (int) (width / charWidth);
        if (s.length() <= max) {
            return s;
        }
        return max <= 1 ? "" : s.substring(0, max - 1) + "\u2026";
    }
}
