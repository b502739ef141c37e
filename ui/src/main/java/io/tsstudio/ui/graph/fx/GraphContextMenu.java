package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.RunValues;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The canvas's node and edge menus (copy name, show code, expand, collapse, hide, values after a run, breakpoints)
 * and its clicks on edges. A right click opens the menu (a right drag pans); the keyboard's menu key opens it on the
 * selected node.
 */
final class GraphContextMenu {
    private final GraphPane pane;
    private final GraphCanvas canvas;
    private final ObservationOverlay overlay;
    private final ContextMenu menu = new ContextMenu();
    private final List<Consumer<GraphEdge>> edgeClickListeners = new CopyOnWriteArrayList<>();
    private RunValues runValues = RunValues.none();

    GraphContextMenu(GraphPane pane, GraphCanvas canvas, ObservationOverlay overlay) {
        this.pane = pane;
        this.canvas = canvas;
        this.overlay = overlay;
        menu.setId("graphContextMenu");
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && pane.viewModel() != null
                    && !edgeClickListeners.isEmpty() && canvas.pick(e.getX(), e.getY()).isEmpty()) {
                canvas.pickEdge(e.getX(), e.getY()).ifPresent(edge -> edgeClickListeners.forEach(l -> l.accept(edge)));
            }
            if (e.getButton() == MouseButton.SECONDARY && e.isStillSincePress()) {
                open(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        canvas.setOnContextMenuRequested(e -> {
            GraphViewModel vm = pane.viewModel();
            GraphScene sc = canvas.scene();
            if (e.isKeyboardTrigger() && vm != null && sc != null) {
                vm.selected().flatMap(sc::indexOf).ifPresent(i -> {
                    Point2D at = canvas.toScreen(sc.x(i) + sc.w(i) / 2, sc.y(i) + sc.h(i) / 2);
                    Point2D screen = canvas.localToScreen(at);
                    open(at.getX(), at.getY(), screen.getX(), screen.getY());
                });
            }
            e.consume();
        });
    }

    void addEdgeClickListener(Consumer<GraphEdge> l) {
        edgeClickListeners.add(l);
    }

    /** What "Values after a run" shows. */
    void setRunValues(RunValues values) {
        runValues = values == null ? RunValues.none() : values;
    }

    private void open(double x, double y, double screenX, double screenY) {
        menu.hide();
        GraphViewModel vm = pane.viewModel();
        if (vm == null) {
            return;
        }
        Optional<GraphNode> node = canvas.pick(x, y);
        List<MenuItem> items = node.isPresent() ? nodeMenu(vm, node.get())
                : canvas.pickEdge(x, y).map(e -> edgeMenu(vm, e)).orElse(List.of());
        if (!items.isEmpty()) {
            menu.getItems().setAll(items);
            menu.show(canvas, screenX, screenY);
        }
    }

    private List<MenuItem> nodeMenu(GraphViewModel vm, GraphNode n) {
        vm.select(n);
        GraphNode group = n.isContainer() ? n : n.group().owner();
        List<MenuItem> items = new ArrayList<>(List.of(
                item("Copy name", "graphCopyName", () -> copy(n.title())),
                item("Show code", "graphShowCode", () -> showCode(vm, n), n.sourceRange().isEmpty()),
                item("Expand", "graphExpand", () -> toggleOpen(vm, n, true), !n.isContainer() || vm.isExpanded(n)),
                item(group == null || group == n ? "Collapse" : "Collapse " + group.title(), "graphCollapse",
                        () -> toggleOpen(vm, group, false), group == null || !vm.isExpanded(group)),
                item("Hide", "graphHide", () -> vm.hide(n)),
                new SeparatorMenuItem(),
                item("Values after a run", "graphValues", () -> showValues(n.title(), runValues.forNode(n)))));
        if (overlay.offersBreakpoints()) {
            items.add(item(overlay.hasBreakpoint(n) ? "Remove breakpoint" : "Set breakpoint", "graphBreakpoint",
                    () -> overlay.toggleBreakpoint(n), n.ir().isEmpty()));
        }
        return items;
    }

    private List<MenuItem> edgeMenu(GraphViewModel vm, GraphEdge e) {
        GraphNode container = e.from().isContainer() ? e.from() : e.to().isContainer() ? e.to() : null;
        GraphNode code = e.from().sourceRange().isPresent() ? e.from() : e.to();
        String name = e.valueName();
        return List.of(
                item("Copy name", "graphCopyName", () -> copy(name)),
                item("Show code", "graphShowCode", () -> showCode(vm, code), code.sourceRange().isEmpty()),
                item(container == null ? "Expand" : "Expand " + container.title(), "graphExpand",
                        () -> toggleOpen(vm, container, true), container == null || vm.isExpanded(container)),
                item(container == null ? "Collapse" : "Collapse " + container.title(), "graphCollapse",
                        () -> toggleOpen(vm, container, false), container == null || !vm.isExpanded(container)),
                item("Hide", "graphHide", () -> vm.hide(e)),
                new SeparatorMenuItem(),
                item("Values after a run", "graphValues", () -> showValues(name, runValues.forEdge(e))));
    }

    private static MenuItem item(String text, String id, Runnable action) {
        return item(text, id, action, false);
    }

    private static MenuItem item(String text, String id, Runnable action, boolean disabled) {
        MenuItem m = new MenuItem(text);
        m.setMnemonicParsing(false);
        m.setId(id);
        m.setDisable(disabled);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
        pane.say("Copied \u201c" + text + "\u201d");
    }

    /** Tells the selection listeners again (the editor shows the node's code), even when it was selected already. */
    private void showCode(GraphViewModel vm, GraphNode n) {
        vm.select(n);
        pane.announceSelection(n);
    }

    private void toggleOpen(GraphViewModel vm, GraphNode n, boolean open) {
        if (n == null) {
            return;
        }
        pane.navigation().anchorOn(n);
        if (open) {
            vm.expand(n);
        } else {
            vm.collapse(n);
        }
    }

    private void showValues(String what, Optional<String> values) {
        pane.showDetails(values.map(v -> "Values after the last run \u2014 " + what + ":\n" + v)
                .orElse("No run has produced values for " + what + " yet.\n\nRun the method in the Run panel: its output "
                        + "values then show here for the graph's output and the edges into it."));
        pane.say(values.isPresent() ? "Values of " + what + " from the last run" : "No run has produced values for " + what + " yet");
    }
}
