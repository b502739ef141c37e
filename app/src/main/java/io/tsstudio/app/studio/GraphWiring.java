package io.tsstudio.app.studio;

import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.ui.graph.ModuleGraphs;
import io.tsstudio.ui.graph.fx.GraphPane;
import io.tsstudio.ui.workspace.OpenModel;
import io.tsstudio.ui.workspace.Workspace;
import javafx.application.Platform;

import java.util.concurrent.Executor;

/**
 * Puts the graph view into the main window's Graph slot and keeps it on the active model's {@code forward}: the IR is
 * read off the FX thread, then laid out by the graph view. A recompiled model is shown again (its graph changed).
 */
final class GraphWiring {
    private final MainWindow window;
    private final Executor io;
    private GraphPane pane;
    private OpenModel shown;
    private long requests;

    private GraphWiring(MainWindow window, Executor io) {
        this.window = window;
        this.io = io;
    }

    /** Call on the FX thread once the main window exists. */
    static GraphWiring install(MainWindow window, Workspace workspace, Executor io) {
        GraphWiring w = new GraphWiring(window, io);
        workspace.activeModelProperty().addListener((o, was, now) -> w.show(now));
        w.show(workspace.activeModel());
        return w;
    }

    private void show(OpenModel model) {
        if (model == shown) return;
        shown = model;
        long request = ++requests;
        if (model == null || !model.isTorchScript() || !model.module().hasMethod("forward")) {
            // Nothing to draw, and no view may keep a closed module: an empty pane replaces the old one.
            pane = null;
            window.setGraphView(new GraphPane());
            return;
        }
        io.execute(() -> {
            IrGraph graph;
            try {
                graph = ModuleGraphs.graph(model.module(), "forward");
            } catch (RuntimeException e) {
                return;
            }
            Platform.runLater(() -> {
                if (request != requests) return;
                if (pane == null) {
                    pane = new GraphPane();
                    window.setGraphView(pane);
                }
                pane.show(graph, ModuleGraphs.loader(model.module()));
            });
        });
    }
}
