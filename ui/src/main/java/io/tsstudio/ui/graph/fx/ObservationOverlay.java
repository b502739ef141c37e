package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.render.NodeDecor;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What an observed run and the debugger add to the graph: node fills and badges for time, a dot on each breakpoint,
 * and a legend that explains the time colours. The legend's background and text follow the theme
 * ({@code .graph-time-legend} in the theme stylesheets); only its ramp, which is data, is styled here.
 */
final class ObservationOverlay {
    private static final Consumer<GraphNode> NO_BREAKPOINTS = n -> { };

    private final GraphCanvas canvas;
    private final HBox legend = new HBox(6);
    private NodeDecor timing = NodeDecor.NONE;
    private Predicate<GraphNode> breakpointOn = n -> false;
    private Consumer<GraphNode> breakpointToggle = NO_BREAKPOINTS;

    ObservationOverlay(GraphCanvas canvas) {
        this.canvas = canvas;
        legend.setId("graphTimeLegend");
        legend.getStyleClass().add("graph-time-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        legend.setVisible(false);
    }

    /** The legend, for the pane to place over the canvas. */
    Node legend() {
        return legend;
    }

    /** Fills and badges nodes with {@code timing} and shows the legend: {@code ramp} cold to hot, from 0 to {@code total}. Null clears. */
    void setTiming(NodeDecor timing, int[] ramp, String total) {
        this.timing = timing == null ? NodeDecor.NONE : timing;
        applyDecor();
        legend.getChildren().clear();
        legend.setVisible(timing != null);
        if (timing != null) {
            Region bar = new Region();
            bar.getStyleClass().add("graph-time-ramp");
            bar.setStyle(rampStyle(ramp));
            bar.setPrefSize(120, 12);
            bar.setMaxHeight(12);
            Label to = new Label(total);
            to.setId("graphTimeTotal");
            legend.getChildren().addAll(new Label("Time"), new Label("0"), bar, to);
        }
    }

    /** The ramp's colours as a left-to-right gradient (the colours are the run's data, not the theme's). */
    static String rampStyle(int[] ramp) {
        StringBuilder gradient = new StringBuilder("-fx-background-color: linear-gradient(to right");
        for (int c : ramp) gradient.append(String.format(", #%06x", c & 0xFFFFFF));
        return gradient.append(");").toString();
    }

    /** A new graph: no timing yet (breakpoints stay, they belong to the host's debugger). */
    void clearTiming() {
        timing = NodeDecor.NONE;
        legend.setVisible(false);
        applyDecor();
    }

    /** {@code isSet} marks nodes; the node menu's "Set breakpoint" calls {@code toggle}. Null for none. */
    void setBreakpoints(Predicate<GraphNode> isSet, Consumer<GraphNode> toggle) {
        breakpointOn = isSet == null ? n -> false : isSet;
        breakpointToggle = toggle == null ? NO_BREAKPOINTS : toggle;
        applyDecor();
    }

    /** True where a debugger is wired in (the node menu then offers breakpoints). */
    boolean offersBreakpoints() {
        return breakpointToggle != NO_BREAKPOINTS;
    }

    boolean hasBreakpoint(GraphNode n) {
        return breakpointOn.test(n);
    }

    void toggleBreakpoint(GraphNode n) {
        breakpointToggle.accept(n);
    }

    private void applyDecor() {
        NodeDecor t = timing;
        Predicate<GraphNode> bp = breakpointOn;
        canvas.setDecor(new NodeDecor() {
            @Override
            public int fill(GraphNode n) {
                return t.fill(n);
            }

            @Override
            public String badge(GraphNode n) {
                String b = t.badge(n);
                if (!bp.test(n)) return b;
                return b == null ? "\u25CF breakpoint" : "\u25CF " + b;
            }
        });
        canvas.redraw();
    }
}
