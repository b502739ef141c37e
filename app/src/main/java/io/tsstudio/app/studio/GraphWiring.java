package io.tsstudio.app.studio;

import io.tsstudio.engine.CodeLocation;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.ui.graph.fx.GraphSelection;
import io.tsstudio.ui.graph.GraphEdge;
import io.tsstudio.ui.graph.GraphNode;
import io.tsstudio.ui.graph.ModuleGraphs;
import io.tsstudio.ui.graph.NodeKind;
import io.tsstudio.ui.graph.RunValues;
import io.tsstudio.ui.graph.fx.GraphPane;
import io.tsstudio.ui.run.RunPanelViewModel;
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
    private String shownMethod = "forward";
    private long requests;
    // The run panel's last outcome, with the model file and method it came from (recorded when it arrived).
    private java.nio.file.Path lastRunFile;
    private String lastRunMethod;
    private String lastRunJson;

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

    /** "Values after a run" in the graph's context menu reads the run panel's last outcome. */
    void followRuns(RunPanelViewModel runPanel) {
        runPanel.outcomeProperty().addListener((o, was, now) -> {
            lastRunJson = now == null ? null : now.outputJson();
            lastRunFile = runPanel.modelFileProperty().get();
            lastRunMethod = runPanel.methodProperty().get() == null ? null : runPanel.methodProperty().get().name();
        });
    }

    /**
     * The run panel keeps the last run's output (not every intermediate value): the graph's output node of the method
     * that ran, and the edges into it, have values; everything else has none yet.
     */
    private final class LastRunValues implements RunValues {
        private final OpenModel model;
        private final String method;

        LastRunValues(OpenModel model, String method) {
            this.model = model;
            this.method = method;
        }

        @Override
        public java.util.Optional<String> forNode(GraphNode node) {
            boolean graphOutput = node.kind() == NodeKind.OUTPUT && node.group().owner() == null;
            return graphOutput ? output() : java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> forEdge(GraphEdge edge) {
            return forNode(edge.to());
        }

        private java.util.Optional<String> output() {
            if (lastRunJson == null || !model.file().equals(lastRunFile) || !method.equals(lastRunMethod)) return java.util.Optional.empty();
            String json = lastRunJson;
            return java.util.Optional.ofNullable(json).map(j -> j.length() > 20_000 ? j.substring(0, 20_000) + "\n\u2026 (more in the Run panel's Outputs)" : j);
        }
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
        String method = model == null || !model.isTorchScript() ? null
                : model.module().hasMethod("forward") ? "forward"
                : model.module().methods().stream().map(MethodInfo::name).findFirst().orElse(null);
        show(model, method);
    }

    /** Draws {@code method} of {@code model} (the toolbar's method picker calls this for the shown model). */
    private void show(OpenModel model, String method) {
        shown = model;
        shownMethod = method;
        long request = ++requests;
        if (model == null || method == null) {
            // Nothing to draw, and no view may keep a closed module: an empty pane replaces the old one.
            pane = null;
            window.setGraphView(new GraphPane());
            return;
        }
        io.execute(() -> {
            IrGraph graph;
            Map<String, CodeLocation> codeLocations;
            try {
                graph = ModuleGraphs.graph(model.module(), method);
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
                pane.setMethods(model.module().methods().stream().map(MethodInfo::name).toList(), method,
                        m -> show(model, m));
                pane.setCompareSource(model.module(), method);
                pane.setRunValues(new LastRunValues(model, method));
            });
        });
    }
}
