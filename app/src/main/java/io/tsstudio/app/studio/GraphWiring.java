package io.tsstudio.app.studio;

import io.tsstudio.ui.inspect.ModelSummary;
import io.tsstudio.engine.CodeLocation;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.ui.graph.fx.GraphSelection;
import io.tsstudio.ui.graph.ModuleGraphs;
import io.tsstudio.ui.graph.fx.GraphPane;
import io.tsstudio.ui.workspace.OpenModel;
import io.tsstudio.ui.workspace.Workspace;
import javafx.application.Platform;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Puts the graph view into the main window's Graph slot and keeps it on the active model's {@code forward}: the IR is
 * read off the FX thread, then laid out by the graph view. A recompiled model is shown again (its graph changed).
 * Graph and code are linked both ways through the classes' {@link CodeLocation}s: IR source ranges name lines of the
 * archive's code files, the editor shows one class per tab.
 */
final class GraphWiring {
    private final MainWindow window;
    private final StudioViewModel vm;
    private final Executor io;
    private Map<String, CodeLocation> locations = Map.of();
    private GraphPane pane;
    private OpenModel shown;
    private long requests;

    private GraphWiring(MainWindow window, StudioViewModel vm, Executor io) {
        this.window = window;
        this.vm = vm;
        this.io = io;
    }

    /** Call on the FX thread once the main window exists. */
    static GraphWiring install(MainWindow window, StudioViewModel vm, Executor io) {
        Workspace workspace = vm.workspace();
        GraphWiring w = new GraphWiring(window, vm, io);
        workspace.activeModelProperty().addListener((o, was, now) -> w.show(now));
        workspace.caretProperty().addListener((o, was, now) -> w.caretMoved(now));
        w.show(workspace.activeModel());
        return w;
    }

    /** Graph to code: the selected node's source range opens its class's tab at that line. */
    private void nodeSelected(GraphSelection selection) {
        OpenModel model = shown;
        IrSourceRange r = selection.sourceRange().orElse(null);
        if (model == null || r == null) return;
        locations.entrySet().stream()
                .filter(e -> e.getValue().contains(r.file(), r.startLine()))
                .findFirst()
                .ifPresent(e -> vm.revealInClass(model, e.getKey(), e.getValue().classLine(r.startLine()), r.startColumn()));
    }

    /** Code to graph: the caret's line in a class tab outlines the nodes that line produced. */
    private void caretMoved(Workspace.Caret caret) {
        if (pane == null || caret == null) return;
        vm.activeOrigin()
                .filter(o -> o.model() == shown)
                .map(o -> locations.get(o.className()))
                .ifPresent(loc -> pane.highlightSourceLine(loc.file(), loc.fileLine(caret.line())));
    }

    private void show(OpenModel model) {
        if (model == shown) return;
        shown = model;
        long request = ++requests;
        if (model != null && !model.isTorchScript() && model.summary().format() == ModelSummary.Format.TORCHSCRIPT) {
            // a model that needs a missing operator: say so where its graph would be
            pane = null;
            javafx.scene.control.Label why = new javafx.scene.control.Label(model.summary().description());
            why.setWrapText(true);
            why.setId("graphUnavailable");
            window.setGraphView(why);
            return;
        }
        if (model == null || !model.isTorchScript() || !model.module().hasMethod("forward")) {
            // Nothing to draw, and no view may keep a closed module: an empty pane replaces the old one.
            pane = null;
            window.setGraphView(new GraphPane());
            return;
        }
        io.execute(() -> {
            IrGraph graph;
            Map<String, CodeLocation> codeLocations;
            try {
                graph = ModuleGraphs.graph(model.module(), "forward");
                codeLocations = model.module().codeLocations();
            } catch (RuntimeException e) {
                return;
            }
            Platform.runLater(() -> {
                if (request != requests) return;
                locations = codeLocations;
                if (pane == null) {
                    pane = new GraphPane();
                    pane.addSelectionListener(this::nodeSelected);
                    window.setGraphView(pane);
                }
                pane.show(graph, ModuleGraphs.loader(model.module()));
            });
        });
    }
}
