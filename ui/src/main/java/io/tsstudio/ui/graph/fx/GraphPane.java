package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.ui.concurrent.Job;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.ui.graph.model.NodeDetails;
import io.tsstudio.ui.graph.model.RunValues;
import io.tsstudio.ui.graph.model.ShapeLookup;
import io.tsstudio.ui.graph.model.SubgraphLoader;
import io.tsstudio.ui.graph.render.NodeDecor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The graph view the main window hosts, assembled from its parts: the toolbar ({@link GraphToolbar}), the canvas with
 * a minimap and the observation legend ({@link ObservationOverlay}), a details panel, and the status line with layout
 * progress and cancel ({@link GraphStatusLine}). Reads and layouts are jobs on the task runner's layout lane
 * ({@link LayoutRequests}); a newer request cancels an older one. Call on the JavaFX thread.
 */
public final class GraphPane extends BorderPane {
    private final GraphCanvas canvas = new GraphCanvas();
    private final Minimap minimap = new Minimap(canvas);
    private final TextArea details = new TextArea();
    private final List<Consumer<GraphSelection>> selectionListeners = new CopyOnWriteArrayList<>();
    private final LayoutRequests layouts = new LayoutRequests(TaskRunner.forJavaFx());
    private final GraphStatusLine status = new GraphStatusLine(this, this::cancelLayout);
    private final ObservationOverlay overlay = new ObservationOverlay(canvas);
    private final TransformCompare compare = new TransformCompare(this);
    private final GraphToolbar toolbar = new GraphToolbar(this, canvas, compare);
    private final GraphNavigation navigation = new GraphNavigation(this, canvas, toolbar::focusSearch);
    private final GraphContextMenu menus = new GraphContextMenu(this, canvas, overlay);
    private final GraphExport export = new GraphExport(this, canvas, this::highlights);
    private GraphViewModel vm;
    private CompletableFuture<GraphScene> layoutDone = CompletableFuture.completedFuture(null);

    public GraphPane() {
        getStyleClass().add("graph-pane");
        setId("graphPane");
        canvas.setId("graphCanvas");
        details.setEditable(false);
        // Not wrapped: type names and schemas are long single words, and wrapping broke them mid-word; it scrolls instead.
        details.setWrapText(false);
        details.setId("graphDetails");
        details.setPromptText("Select a node");
        setTop(toolbar.node());

        StackPane stage = new StackPane(canvas, minimap, overlay.legend());
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(8));
        StackPane.setAlignment(overlay.legend(), Pos.BOTTOM_LEFT);
        StackPane.setMargin(overlay.legend(), new Insets(8));
        // In a narrow dock the minimap would cover the graph it summarises.
        minimap.visibleProperty().bind(toolbar.minimapItem().selectedProperty()
                .and(stage.widthProperty().greaterThan(560)).and(stage.heightProperty().greaterThan(440)));
        SplitPane split = new SplitPane(stage, details);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(details, false);
        setCenter(split);
        setBottom(status.node());

        canvas.setOnSelect(n -> withVm(v -> v.select(n)));
        canvas.setOnToggle(n -> withVm(v -> navigation.toggle(v, n)));
        canvas.addCameraListener(minimap::refresh);
        canvas.setHighlights(this::highlights);
        canvas.setHidden(n -> vm != null && vm.isHidden(n), e -> vm != null && vm.isHidden(e));
    }

    // ---- what is shown

    /** Shows a graph without submodule calls to open (a function, or a test graph). */
    public void show(IrGraph graph) {
        show(graph, SubgraphLoader.none());
    }

    /** Shows a graph whose submodule calls open through {@code loader}. */
    public void show(IrGraph graph, SubgraphLoader loader) {
        vm = new GraphViewModel(graph, loader);
        canvas.setShapes(ShapeLookup.none());
        overlay.clearTiming();
        toolbar.newGraph();
        layouts.forgetLayouts();
        vm.addStructureListener(this::relayout);
        vm.addSelectionListener(this::selectionChanged);
        GraphViewModel shown = vm;
        vm.addSelectionListener(n -> toolbar.hiddenCountChanged(shown.hiddenCount()));
        details.clear();
        navigation.newGraph();
        relayout();
    }

    /**
     * Shows {@code module.<method>} with its submodule calls as groups that open on demand. The graph is read on the
     * layout lane (a 50,000-node model's top level takes about a second), then laid out; {@link #layoutDone()}
     * completes when it is on screen. The module must stay open while it is shown (opening a group reads the
     * submodule's graph).
     *
     * @throws IllegalArgumentException when the module has no such method
     */
    public void show(ScriptModule module, String method) {
        if (!module.hasMethod(method)) {
            throw new IllegalArgumentException("module " + module.className() + " has no method '" + method + "'");
        }
        CompletableFuture<GraphScene> shown = new CompletableFuture<>();
        layoutDone = shown;
        setMethods(module.methods().stream().map(MethodInfo::name).toList(), method, m -> show(module, m));
        setCompareSource(module, method);
        status.say("Reading the graph of " + method + "\u2026");
        Job<IrGraph> read = layouts.read(() -> ModuleGraphs.graph(module, method));
        read.result().whenComplete((graph, error) -> {
            if (!layouts.isCurrent(read)) {
                shown.cancel(false);
            } else if (error != null) {
                status.say("Cannot read the graph: " + error.getMessage());
                shown.completeExceptionally(error);
            } else {
                show(graph, ModuleGraphs.loader(module));
                relay(layoutDone, shown);
                layoutDone = shown;
            }
        });
    }

    private static <T> void relay(CompletableFuture<T> from, CompletableFuture<T> to) {
        from.whenComplete((value, error) -> {
            if (error != null) {
                to.completeExceptionally(error);
            } else {
                to.complete(value);
            }
        });
    }

    /**
     * Stops this pane's reads and layouts; a host that drops the pane calls it, so the shared lane is free at once.
     * From another thread (a window's teardown) it is done on the JavaFX thread.
     */
    public void close() {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(this::close);
            return;
        }
        layouts.close();
        status.ended("Closed");
        layoutDone.cancel(false);
    }

    // ---- layout

    private void relayout() {
        GraphViewModel model = vm;
        CompletableFuture<GraphScene> done = new CompletableFuture<>();
        layoutDone = done;
        navigation.layoutRequested();
        status.started("Laying out\u2026");
        Job<GraphScene> job = layouts.layout(model.root(), model.expandedIds(), status::progress);
        job.result().whenComplete((scene, error) -> {
            if (!layouts.isCurrent(job)) { // superseded by a newer request, which reports instead
                done.completeExceptionally(error != null ? error : new CancellationException("superseded"));
                return;
            }
            navigation.layoutEnded();
            if (error == null) {
                navigation.install(scene);
                minimap.refresh();
                status.ended(layouts.summary(scene, status.elapsedNanos() / 1_000_000));
                done.complete(scene);
            } else {
                status.ended(error instanceof CancellationException ? "Layout cancelled" : "Layout failed: " + error);
                done.completeExceptionally(error);
            }
        });
    }

    /** The groups are rebuilt ({@code change}: folding, the flat view): cached layouts no longer apply. */
    void regroup(Consumer<GraphViewModel> change, boolean fit) {
        withVm(v -> {
            layouts.forgetLayouts();
            if (fit) navigation.fitNext();
            change.accept(v);
        });
    }

    /** Completes when the layout requested last is on screen (exceptionally when it was cancelled or failed). */
    public CompletableFuture<GraphScene> layoutDone() {
        return layoutDone;
    }

    /** True while a layout runs: the studio lists it among its background jobs. */
    public ReadOnlyBooleanProperty layingOutProperty() {
        return status.running();
    }

    /** The running layout's progress (0..1, negative while unknown), as the status line's bar shows it. */
    public ObservableNumberValue layoutProgress() {
        return status.progress();
    }

    /** The status line's text ("Laying out…", the figures of the last layout). */
    public ObservableStringValue statusText() {
        return status.text();
    }

    /** Stops the running layout at its next step (the status line's Cancel). */
    public void cancelLayout() {
        layouts.cancel();
    }

    // ---- selection, search hits and the editor link

    private void selectionChanged(GraphNode n) {
        details.setText(n == null ? "" : NodeDetails.describe(n, vm.shapes()));
        canvas.redraw();
        navigation.keepInView(n);
        announceSelection(n);
    }

    /** Tells the selection listeners about {@code n} (null: nothing selected). */
    void announceSelection(GraphNode n) {
        GraphSelection sel = new GraphSelection(n, n == null ? Optional.empty() : n.sourceRange());
        selectionListeners.forEach(l -> l.accept(sel));
    }

    /** Hears node selections; the event carries the node's source range for the editor. */
    public void addSelectionListener(Consumer<GraphSelection> l) {
        selectionListeners.add(l);
    }

    /**
     * The editor's caret moved to {@code line} of the shown method's source: outline the nodes it produced (or
     * their closed containers).
     */
    public Set<GraphNode> highlightSourceLine(int line) {
        return highlight(v -> v.highlightSourceLine(line));
    }

    /** As {@link #highlightSourceLine(int)} for a line of another code file ({@code IrSourceRange#file()}). */
    public Set<GraphNode> highlightSourceLine(String file, int line) {
        return highlight(v -> v.highlightSourceLine(file, line));
    }

    private Set<GraphNode> highlight(java.util.function.Function<GraphViewModel, Set<GraphNode>> lines) {
        if (vm == null) {
            return Set.of();
        }
        Set<GraphNode> hits = lines.apply(vm);
        canvas.redraw();
        return hits;
    }

    /**
     * Opens submodule {@code modulePath} where the shown graph calls it: the groups above it and the call itself are
     * opened, the call selected and centred once laid out. False when no drawn graph calls it (a traced model has its
     * submodules inlined).
     */
    public boolean openModule(String modulePath) {
        Optional<GraphNode> n = vm == null ? Optional.empty() : vm.findModule(modulePath);
        n.ifPresent(node -> {
            vm.reveal(node);
            vm.expand(node);
            vm.select(node);
            navigation.centreOn(node);
        });
        return n.isPresent();
    }

    /** Reveals and selects {@code n} (opening the groups around it), as the debugger's current node or a jump. */
    public void reveal(GraphNode n) {
        if (vm == null) return;
        vm.reveal(n);
        vm.select(n);
        navigation.centreOn(n);
    }

    private Highlights highlights() {
        if (vm == null) {
            return Highlights.NONE;
        }
        Set<GraphNode> hits = vm.currentSearch().map(r -> Set.copyOf(r.hits())).orElse(Set.of());
        return new Highlights(vm.selected().orElse(null), vm.traced(), hits, vm.sourceHits());
    }

    // ---- observed runs, the debugger and comparisons

    /**
     * Observed shapes from a run or a trace (by group path and value id): drawn on edges and listed in the details
     * next to the static types.
     */
    public void setObservedShapes(ShapeLookup shapes) {
        canvas.setShapes(shapes);
        if (vm != null) {
            vm.setShapes(shapes);
            vm.selected().ifPresent(this::selectionChanged);
        }
    }

    /**
     * Shows an observed run on the graph: {@code shapes} label the edges in place of the static types, {@code timing}
     * fills and badges the nodes, and a legend explains the colours ({@code ramp}, cold to hot, over {@code total}).
     * Null clears it.
     */
    public void setObservation(ShapeLookup shapes, NodeDecor timing, int[] ramp, String total) {
        setObservedShapes(shapes == null ? ShapeLookup.none() : shapes);
        overlay.setTiming(timing, ramp, total);
    }

    /** Breakpoints: {@code isSet} marks nodes (a red dot), the node menu's "Set breakpoint" calls {@code toggle}. */
    public void setBreakpoints(Predicate<GraphNode> isSet, Consumer<GraphNode> toggle) {
        overlay.setBreakpoints(isSet, toggle);
    }

    /** A primary click on an edge (not on a node): the app shows the value it carried. */
    public void addEdgeClickListener(Consumer<GraphEdge> l) {
        menus.addEdgeClickListener(l);
    }

    /** What "Values after a run" shows (the app passes the run panel's last outcome). */
    public void setRunValues(RunValues values) {
        menus.setRunValues(values);
    }

    /** Fill colours per node (ARGB, 0 for the node's own): a comparison's marks. */
    public void setNodeTint(ToIntFunction<GraphNode> fill) {
        canvas.setTint(fill);
    }

    /**
     * Offers {@code methods} in the toolbar's picker with {@code current} chosen; picking another calls {@code onPick}
     * with its name (the host then shows that method's graph).
     */
    public void setMethods(List<String> methods, String current, Consumer<String> onPick) {
        toolbar.setMethods(methods, current, onPick);
    }

    /** The method picker (for tests and hosts). */
    public ComboBox<String> methodPicker() {
        return toolbar.methodPicker();
    }

    /**
     * The module and method the freeze / optimize_for_inference comparison starts from (null: nothing to compare).
     * The module must stay open while it is shown.
     */
    public void setCompareSource(ScriptModule module, String method) {
        compare.setSource(module, method);
    }

    // ---- export

    /** Writes the whole current picture (every open group, with highlights) as PNG at 2x. */
    public void exportPng(Path file) {
        export.png(file);
    }

    public void exportSvg(Path file) throws IOException {
        export.svg(file);
    }

    // ---- for the parts and hosts

    public GraphViewModel viewModel() {
        return vm;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    GraphNavigation navigation() {
        return navigation;
    }

    GraphExport export() {
        return export;
    }

    void say(String line) {
        status.say(line);
    }

    void showDetails(String text) {
        details.setText(text);
    }

    /** Runs {@code action} on the view model, if a graph is shown; its error goes to the status line. */
    void withVm(Consumer<GraphViewModel> action) {
        if (vm != null) {
            try {
                action.accept(vm);
            } catch (RuntimeException e) {
                status.say(e.getMessage());
            }
        }
    }
}
