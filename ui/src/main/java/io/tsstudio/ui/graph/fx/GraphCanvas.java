package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.render.GraphStyle;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.render.ScenePainter;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One canvas that draws the visible part of a {@link GraphScene}: the only scene-graph node however many ops there
 * are. Drag to pan, wheel to zoom at the pointer, click to select, double-click a container to open or close it.
 */
public final class GraphCanvas extends Region {
    private static final double MIN_SCALE = 0.01;
    private static final double MAX_SCALE = 4;
    private final Canvas canvas = new Canvas();
    private final ScenePainter painter = new ScenePainter();
    private GraphScene scene;
    private Supplier<Highlights> highlights = () -> Highlights.NONE;
    private Consumer<GraphNode> onSelect = n -> {
    };
    private Consumer<GraphNode> onToggle = n -> {
    };
    private final java.util.List<Runnable> cameraListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private double scale = 1;
    private double tx;
    private double ty;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private boolean redrawQueued;
    private long lastPaintNanos;

    public GraphCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("graph-canvas");
        // Default for hosts without the studio's themes; a theme's .graph-canvas rule overrides it.
        setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(Color.web("#fafafa"), null, null)));
        setMinSize(100, 100);
        setPrefSize(800, 600);
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::drag);
        setOnMouseReleased(this::released);
        setOnScroll(this::scroll);
        setFocusTraversable(true);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
    }

    public void setHighlights(Supplier<Highlights> h) {
        highlights = h;
        redraw();
    }

    /** Observed shapes for the edge labels (see {@link io.tsstudio.ui.graph.model.GraphViewModel#setShapes}). */
    public void setShapes(io.tsstudio.ui.graph.model.ShapeLookup shapes) {
        painter.setShapes(shapes);
        redraw();
    }

    public void setOnSelect(Consumer<GraphNode> c) {
        onSelect = c;
    }

    public void setOnToggle(Consumer<GraphNode> c) {
        onToggle = c;
    }

    /** Runs after every pan or zoom (minimap, synced compare view). */
    public void addCameraListener(Runnable r) {
        cameraListeners.add(r);
    }

    public GraphScene scene() {
        return scene;
    }

    public void setScene(GraphScene s) {
        scene = s;
        redraw();
    }

    public double scale() {
        return scale;
    }

    public double translateX() {
        return tx;
    }

    public double translateY() {
        return ty;
    }

    /** Sets the camera: screen = world * scale + (tx, ty). */
    public void setCamera(double newScale, double newTx, double newTy) {
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, newScale));
        tx = newTx;
        ty = newTy;
        redraw();
        cameraListeners.forEach(Runnable::run);
    }

    public Point2D toWorld(double sx, double sy) {
        return new Point2D((sx - tx) / scale, (sy - ty) / scale);
    }

    public Point2D toScreen(double wx, double wy) {
        return new Point2D(wx * scale + tx, wy * scale + ty);
    }

    /**
     * The smallest zoom {@link #fit()} uses: node titles and subtitles are drawn and legible (below it a long model
     * fitted whole is a grey ribbon).
     */
    public static final double READABLE_SCALE = GraphStyle.NO_SUBTITLE;

    /**
     * Fits the whole scene in view, never zooming in past 1:1 and never out below {@link #READABLE_SCALE}: a scene too
     * big for that is fitted to the width (or shown from its left edge when even the width does not fit) from its
     * top, and the rest is a scroll away.
     */
    public void fit() {
        if (scene == null) {
            return;
        }
        double w = Math.max(1, getWidth()), h = Math.max(1, getHeight());
        double s = Math.min(1.0, Math.min(w / (scene.width() + 40), h / (scene.height() + 40)));
        if (s >= READABLE_SCALE) {
            setCamera(s, (w - scene.width() * s) / 2, Math.max(10, (h - scene.height() * s) / 2));
            return;
        }
        s = Math.min(1.0, Math.max(READABLE_SCALE, w / (scene.width() + 40)));
        double left = scene.width() * s + 40 <= w ? (w - scene.width() * s) / 2 : 20;
        setCamera(s, left, 10);
    }

    /** Pans so the node is centred, keeping the zoom (zooming in to readable size if text is hidden). */
    public void centerOn(GraphNode n) {
        if (scene == null) {
            return;
        }
        scene.indexOf(n).ifPresent(i -> {
            double s = Math.max(scale, GraphStyle.NO_SUBTITLE);
            double cx = scene.x(i) + scene.w(i) / 2, cy = scene.y(i) + scene.h(i) / 2;
            setCamera(s, getWidth() / 2 - cx * s, getHeight() / 2 - cy * s);
        });
    }

    /** Time the last frame took to paint, in nanoseconds (the benchmark reads it). */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    public int lastPaintedNodes() {
        return painter.lastNodes;
    }

    /** Coalesces repaint requests into one paint per pulse. */
    public void redraw() {
        if (redrawQueued) {
            return;
        }
        redrawQueued = true;
        Platform.runLater(() -> {
            redrawQueued = false;
            paintNow();
        });
    }

    /** Paints immediately (the benchmark and snapshots need a frame on demand). */
    public void paintNow() {
        long t0 = System.nanoTime();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        // Transparent: the region's CSS background (.graph-canvas, per theme) shows through.
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (scene != null) {
            gc.setTransform(scale, 0, 0, scale, tx, ty);
            Point2D a = toWorld(0, 0);
            Point2D b = toWorld(canvas.getWidth(), canvas.getHeight());
            painter.paint(scene, new CanvasPainter(gc), a.getX(), a.getY(), b.getX(), b.getY(), scale, highlights.get());
            gc.setTransform(1, 0, 0, 1, 0, 0);
        }
        lastPaintNanos = System.nanoTime() - t0;
    }

    public Optional<GraphNode> pick(double sx, double sy) {
        if (scene == null) {
            return Optional.empty();
        }
        Point2D w = toWorld(sx, sy);
        return scene.pick(w.getX(), w.getY()).filter(n -> !hiddenNode.test(n));
    }

    /** The edge whose route passes within a few screen pixels of (sx, sy), nearest first. */
    public Optional<io.tsstudio.ui.graph.model.GraphEdge> pickEdge(double sx, double sy) {
        if (scene == null) {
            return Optional.empty();
        }
        Point2D w = toWorld(sx, sy);
        double tol = 5 / scale;
        double[] best = {tol};
        io.tsstudio.ui.graph.model.GraphEdge[] hit = {null};
        scene.edgesIn(w.getX() - tol, w.getY() - tol, w.getX() + tol, w.getY() + tol, e -> {
            io.tsstudio.ui.graph.model.GraphEdge edge = scene.edge(e);
            if (hiddenEdge.test(edge)) {
                return;
            }
            double[] r = scene.route(e);
            for (int k = 0; k + 3 < r.length; k += 2) {
                double d = segmentDistance(w.getX(), w.getY(), r[k], r[k + 1], r[k + 2], r[k + 3]);
                if (d <= best[0]) {
                    best[0] = d;
                    hit[0] = edge;
                }
            }
        });
        return Optional.ofNullable(hit[0]);
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    private java.util.function.Predicate<GraphNode> hiddenNode = n -> false;
    private java.util.function.Predicate<io.tsstudio.ui.graph.model.GraphEdge> hiddenEdge = e -> false;

    /** Nodes and edges the user hid: neither painted nor picked. */
    public void setHidden(java.util.function.Predicate<GraphNode> nodes, java.util.function.Predicate<io.tsstudio.ui.graph.model.GraphEdge> edges) {
        hiddenNode = nodes;
        hiddenEdge = edges;
        painter.setHidden(nodes, edges);
        redraw();
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        dragX = e.getX();
        dragY = e.getY();
        dragged = false;
    }

    private void drag(MouseEvent e) {
        double dx = e.getX() - dragX, dy = e.getY() - dragY;
        if (Math.abs(dx) + Math.abs(dy) > 2) {
            dragged = true;
        }
        dragX = e.getX();
        dragY = e.getY();
        setCamera(scale, tx + dx, ty + dy);
    }

    private void released(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Optional<GraphNode> hit = pick(e.getX(), e.getY());
        if (e.getClickCount() >= 2) {
            hit.filter(GraphNode::isContainer).ifPresent(onToggle);
        } else {
            onSelect.accept(hit.orElse(null));
        }
    }

    private void scroll(ScrollEvent e) {
        double factor = Math.pow(1.0015, e.getDeltaY());
        zoomAt(e.getX(), e.getY(), factor);
        e.consume();
    }

    /** Zooms by {@code factor} keeping the world point under (sx, sy) in place. */
    public void zoomAt(double sx, double sy, double factor) {
        double ns = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        Point2D w = toWorld(sx, sy);
        setCamera(ns, sx - w.getX() * ns, sy - w.getY() * ns);
    }
}
