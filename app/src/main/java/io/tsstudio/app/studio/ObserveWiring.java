package io.tsstudio.app.studio;

import io.tsstudio.engine.CodeLocation;
import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.ui.editor.CodeEditorView;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.RunValues;
import io.tsstudio.ui.graph.fx.GraphPane;
import io.tsstudio.ui.observe.Breakpoint;
import io.tsstudio.ui.observe.DebuggerView;
import io.tsstudio.ui.observe.DebuggerViewModel;
import io.tsstudio.ui.observe.GraphLocator;
import io.tsstudio.ui.observe.HotSpot;
import io.tsstudio.ui.observe.HotSpotsView;
import io.tsstudio.ui.observe.ObservationIndex;
import io.tsstudio.ui.observe.ObservedRun;
import io.tsstudio.ui.run.RunPanelView;
import io.tsstudio.ui.run.RunPanelViewModel;
import io.tsstudio.ui.run.ValueView;
import io.tsstudio.ui.session.OpenModel;
import javafx.application.Platform;
import javafx.scene.control.Tab;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Puts observed runs into the studio: the run panel's last observed run labels and colours the graph of the model and
 * method that ran, fills the Hot spots tab, and answers clicks on nodes and edges with their values (Value tab); the
 * Debugger tab steps the run panel's method in the worker, with breakpoints on graph nodes (node menu) and code lines
 * (editor gutter), and shows the node it is paused before in the graph and the code.
 */
final class ObserveWiring {
    private final StudioViewModel vm;
    private final MainWindow window;
    private final GraphWiring graph;
    private final RunPanelView runPanel;
    private final ValueView valueView = new ValueView();
    private final HotSpotsView hotSpots = new HotSpotsView();
    private final DebuggerViewModel debugger;
    /** A window of its own: the graph and the run panel share a dock, and the value must show beside the graph. */
    private javafx.stage.Stage valueWindow;
    private final Tab hotTab = new Tab("Hot spots", hotSpots);
    private final Tab debugTab;
    private ObservationIndex index;
    private Path indexFile;
    private GraphPane wiredPane;
    private CodeEditorView markedEditor;

    private ObserveWiring(StudioViewModel vm, MainWindow window, GraphWiring graph, RunPanelView runPanel) {
        this.vm = vm;
        this.window = window;
        this.graph = graph;
        this.runPanel = runPanel;
        RunPanelViewModel run = runPanel.viewModel();
        debugger = new DebuggerViewModel(run::observer, run::singleRunRequest, Platform::runLater);
        debugTab = new Tab("Debugger", new DebuggerView(debugger));
        for (Tab t : new Tab[]{hotTab, debugTab}) {
            t.setClosable(false);
            runPanel.addResultTab(t);
        }
        hotTab.setId("hotSpotsTab");
        debugTab.setId("debuggerTab");
    }

    /** Call on the FX thread once the graph and the run panel are in the window. */
    static ObserveWiring install(StudioViewModel vm, MainWindow window, GraphWiring graph, RunPanelView runPanel) {
        ObserveWiring w = new ObserveWiring(vm, window, graph, runPanel);
        runPanel.viewModel().observedRunProperty().addListener((o, was, now) -> w.observed(now));
        w.debugger.finishedProperty().addListener((o, was, now) -> {
            if (now != null) runPanel.viewModel().showObservedRun(now);
        });
        w.debugger.frameProperty().addListener((o, was, now) -> w.paused(now));
        w.debugger.breakpoints().addListener((javafx.collections.ListChangeListener<Breakpoint>) c -> w.refreshMarks());
        w.hotSpots.setOnJump(w::jump);
        graph.onDrawn(w::apply);
        vm.workspace().activeBufferProperty().addListener((o, was, now) -> w.wireEditor());
        w.apply();
        return w;
    }

    DebuggerViewModel debugger() {
        return debugger;
    }

    /** Brings the Debugger tab to the front of the run panel's results. */
    void showDebugger() {
        runPanel.selectResultTab(debugTab);
    }

    private void observed(ObservedRun run) {
        index = run == null ? null : new ObservationIndex(run);
        indexFile = runPanel.viewModel().modelFileProperty().get();
        hotSpots.show(run == null ? null : run.observation());
        apply();
    }

    /** Whether the graph on screen is the model and method the observation ran. */
    private boolean matches(ObservationIndex ix) {
        OpenModel shown = graph.shownModel();
        return ix != null && shown != null && shown.file() != null && shown.file().equals(indexFile)
                && ix.run().observation().method().equals(graph.shownMethod());
    }

    private void apply() {
        GraphPane pane = graph.pane();
        if (pane == null) return;
        if (pane != wiredPane) {
            wiredPane = pane;
            pane.addSelectionListener(sel -> nodeClicked(sel.node()));
            pane.addEdgeClickListener(this::edgeClicked);
        }
        ObservationIndex ix = matches(index) ? index : null;
        pane.setObservation(ix, ix, ObservationIndex.RAMP, ix == null ? "" : ObservationIndex.millis(ix.totalNanos()));
        if (ix != null) pane.setRunValues(new ObservedValues(ix));
        pane.setBreakpoints(n -> debugger.hasBreakpoint(Breakpoint.node(ObservationIndex.nodeKey(n))),
                n -> debugger.toggleBreakpoint(Breakpoint.node(ObservationIndex.nodeKey(n))));
        wireEditor();
    }

    // ---- values on a click

    private void nodeClicked(GraphNode n) {
        ObservationIndex ix = matches(index) ? index : null;
        // while stepping, a selection is the debugger's current node and the worker serves only the debugger
        if (debugger.stateProperty().get() != DebuggerViewModel.State.IDLE) return;
        if (ix == null || n == null || ix.record(n).isEmpty()) return;
        show(n.title(), runPanel.viewModel().observer().map(o -> o.nodeValue(ObservationIndex.nodeKey(n))));
    }

    private void edgeClicked(GraphEdge e) {
        ObservationIndex ix = matches(index) ? index : null;
        if (debugger.stateProperty().get() != DebuggerViewModel.State.IDLE) return;
        if (ix == null || ix.value(e).isEmpty()) return;
        String key = ObservationIndex.valueKey(e.from().group().path(), e.valueId());
        show("edge " + e.from().title() + " \u2192 " + e.to().title(), runPanel.viewModel().observer().map(o -> o.value(key)));
    }

    private void show(String what, Optional<CompletableFuture<OutputNode>> value) {
        if (value.isEmpty()) return;
        valueView.showMessage("Reading the value of " + what + "\u2026");
        showValueWindow();
        value.get().whenComplete((v, e) -> Platform.runLater(() -> {
            if (e != null) valueView.showMessage("Cannot read the value of " + what + ": " + message(e));
            else valueView.show("Value of " + what + " in the last observed run", v);
        }));
    }

    private void showValueWindow() {
        if (valueWindow == null) {
            valueWindow = new javafx.stage.Stage();
            valueWindow.setTitle("Observed value");
            javafx.stage.Window owner = window.root().getScene() == null ? null : window.root().getScene().getWindow();
            if (owner != null) valueWindow.initOwner(owner);
            javafx.scene.Scene scene = new javafx.scene.Scene(valueView, 560, 460);
            // the same look as the main window (theme and style sheets)
            if (window.root().getScene() != null) scene.getStylesheets().setAll(window.root().getScene().getStylesheets());
            valueWindow.setScene(scene);
        }
        if (!valueWindow.isShowing()) valueWindow.show();
    }

    private static String message(Throwable e) {
        Throwable c = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    /** "Values after a run" in the graph's menus, from the observation (shape and statistics, as text). */
    private static final class ObservedValues implements RunValues {
        private final ObservationIndex ix;

        ObservedValues(ObservationIndex ix) {
            this.ix = ix;
        }

        @Override
        public Optional<String> forNode(GraphNode node) {
            return ix.record(node).map(r -> {
                StringBuilder sb = new StringBuilder(r.kind() + "  " + r.calls() + " call" + (r.calls() == 1 ? "" : "s") + ", "
                        + ObservationIndex.millis(r.totalNanos()) + (r.opaque() ? " (run whole)" : "") + "\n");
                for (ObservedValue v : r.outputs()) sb.append(describe(v)).append('\n');
                return sb.toString();
            });
        }

        @Override
        public Optional<String> forEdge(GraphEdge edge) {
            return ix.value(edge).map(ObservedValues::describe);
        }

        private static String describe(ObservedValue v) {
            StringBuilder sb = new StringBuilder(ObservationIndex.label(v));
            v.tensors().forEach(t -> sb.append(String.format(java.util.Locale.ROOT, "\n  min %g  max %g  mean %g  NaN %d  Inf %d",
                    t.min(), t.max(), t.mean(), t.nanCount(), t.infCount())));
            return sb.toString();
        }
    }

    // ---- hot spots and the debugger's current node

    private void jump(HotSpot h) {
        if (h.target() != null) revealNode(h.target());
    }

    private void revealNode(String nodeKey) {
        GraphPane pane = graph.pane();
        if (pane == null || pane.viewModel() == null) return;
        GraphLocator.find(pane.viewModel().root(), nodeKey).ifPresent(pane::reveal);
    }

    private void paused(Frame f) {
        if (f != null) debugger.currentNodeKey().ifPresent(this::revealNode);
        refreshMarks();
    }

    // ---- code lines: breakpoints in the gutter, the paused line

    private void wireEditor() {
        Optional<BufferOrigin> origin = vm.activeOrigin();
        CodeEditorView editor = origin.flatMap(o -> window.editorOf(vm.workspace().activeBuffer())).orElse(null);
        if (markedEditor != null && markedEditor != editor) {
            markedEditor.setOnGutterClick(null);
            markedEditor.setDebugMarks(Set.of(), -1);
        }
        markedEditor = editor;
        if (editor == null) return;
        String cls = origin.get().className();
        editor.setOnGutterClick(line -> {
            CodeLocation loc = graph.codeLocations().get(cls);
            if (loc != null) debugger.toggleBreakpoint(Breakpoint.line(loc.file(), loc.fileLine(line)));
        });
        refreshMarks();
    }

    private void refreshMarks() {
        GraphPane pane = graph.pane();
        if (pane != null) pane.canvas().redraw();
        CodeEditorView editor = markedEditor;
        Optional<BufferOrigin> origin = vm.activeOrigin();
        if (editor == null || origin.isEmpty()) return;
        CodeLocation loc = graph.codeLocations().get(origin.get().className());
        if (loc == null) return;
        Set<Integer> lines = new HashSet<>();
        for (Breakpoint b : debugger.breakpoints()) {
            if (!b.isNode() && loc.contains(b.file(), b.line())) lines.add(loc.classLine(b.line()));
        }
        int pausedLine = -1;
        Frame f = debugger.frameProperty().get();
        if (f != null) {
            Optional<IrSourceRange> r = f.current().source();
            if (r.isPresent() && loc.contains(r.get().file(), r.get().startLine())) pausedLine = loc.classLine(r.get().startLine());
        }
        editor.setDebugMarks(lines, pausedLine);
    }
}
