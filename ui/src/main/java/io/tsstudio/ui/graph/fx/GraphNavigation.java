package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphViewModel;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyEvent;

/**
 * Where the camera goes: the graph keys (F fit, +/- zoom, arrows pan, Enter opens or closes the selected group,
 * T traces, Ctrl+F searches), and what a new layout does to the view. After opening or closing a group the node
 * the user acted on stays where it was on screen; a search hit that opened groups is centred once the new layout
 * is drawn; a new graph is fitted.
 */
final class GraphNavigation {
    private static final double PAN = 80;

    private final GraphPane pane;
    private final GraphCanvas canvas;
    private final Runnable focusSearch;
    private GraphNode anchor;
    private Point2D anchorScreen;
    private GraphNode centreAfterLayout;
    private boolean fitNext;
    private boolean layoutPending;

    GraphNavigation(GraphPane pane, GraphCanvas canvas, Runnable focusSearch) {
        this.pane = pane;
        this.canvas = canvas;
        this.focusSearch = focusSearch;
        canvas.setOnKeyPressed(this::keys);
    }

    private void keys(KeyEvent e) {
        double w = canvas.getWidth() / 2, h = canvas.getHeight() / 2;
        switch (e.getCode()) {
            case F -> {
                if (e.isShortcutDown()) {
                    focusSearch.run();
                } else {
                    canvas.fit();
                }
            }
            case PLUS, EQUALS, ADD -> canvas.zoomAt(w, h, 1.25);
            case MINUS, SUBTRACT -> canvas.zoomAt(w, h, 0.8);
            case LEFT -> canvas.setCamera(canvas.scale(), canvas.translateX() + PAN, canvas.translateY());
            case RIGHT -> canvas.setCamera(canvas.scale(), canvas.translateX() - PAN, canvas.translateY());
            case UP -> canvas.setCamera(canvas.scale(), canvas.translateX(), canvas.translateY() + PAN);
            case DOWN -> canvas.setCamera(canvas.scale(), canvas.translateX(), canvas.translateY() - PAN);
            case ENTER -> pane.withVm(v -> v.selected().filter(GraphNode::isContainer).ifPresent(n -> toggle(v, n)));
            case T -> pane.withVm(GraphViewModel::traceSelected);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Opens or closes {@code n}, keeping it where it is on screen. */
    void toggle(GraphViewModel vm, GraphNode n) {
        anchorOn(n);
        vm.toggle(n);
    }

    /** Remembers where a node is on screen so the view does not jump when it opens or closes. */
    void anchorOn(GraphNode n) {
        GraphScene s = canvas.scene();
        if (s != null) {
            s.indexOf(n).ifPresent(i -> {
                anchor = n;
                anchorScreen = canvas.toScreen(s.x(i), s.y(i));
            });
        }
    }

    /** A new graph: fit its first layout, forget the old graph's nodes. */
    void newGraph() {
        centreAfterLayout = null;
        fitNext = true;
    }

    /** The next layout is fitted (the flat view changed the picture's shape). */
    void fitNext() {
        fitNext = true;
    }

    void layoutRequested() {
        layoutPending = true;
    }

    void layoutEnded() {
        layoutPending = false;
    }

    /**
     * Scrolls so the match is in the middle of the view. When finding it opened containers, the new layout is still
     * on its way: it centres once that is on screen.
     */
    void centreOn(GraphNode n) {
        if (!layoutPending && canvas.scene() != null && canvas.scene().indexOf(n).isPresent()) {
            canvas.centerOn(n);
            centreAfterLayout = null;
        } else {
            centreAfterLayout = n;
        }
    }

    /** A selected node off screen is brought into view. */
    void keepInView(GraphNode n) {
        GraphScene s = canvas.scene();
        if (n != null && s != null && s.indexOf(n).isPresent() && !onScreen(s, n)) {
            canvas.centerOn(n);
        }
    }

    private boolean onScreen(GraphScene s, GraphNode n) {
        int i = s.indexOf(n).orElse(-1);
        Point2D a = canvas.toScreen(s.x(i), s.y(i));
        return a.getX() >= 0 && a.getY() >= 0 && a.getX() < canvas.getWidth() && a.getY() < canvas.getHeight();
    }

    /** Puts {@code scene} on the canvas and places the camera: a pending centre, a fit, or the anchor kept still. */
    void install(GraphScene scene) {
        layoutPending = false;
        canvas.setScene(scene);
        if (centreAfterLayout != null && scene.indexOf(centreAfterLayout).isPresent()) {
            fitNext = false;
            canvas.centerOn(centreAfterLayout);
            centreAfterLayout = null;
        } else if (fitNext) {
            fitNext = false;
            canvas.fit();
        } else if (anchor != null) {
            scene.indexOf(anchor).ifPresent(i -> {
                Point2D now = canvas.toScreen(scene.x(i), scene.y(i));
                canvas.setCamera(canvas.scale(), canvas.translateX() + anchorScreen.getX() - now.getX(),
                        canvas.translateY() + anchorScreen.getY() - now.getY());
            });
        }
        anchor = null;
    }
}
