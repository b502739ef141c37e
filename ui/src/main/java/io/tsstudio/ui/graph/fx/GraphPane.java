package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.ui.graph.GraphLayoutEngine;
import io.tsstudio.ui.graph.GraphNode;
import io.tsstudio.ui.graph.GraphScene;
import io.tsstudio.ui.graph.GraphSvg;
import io.tsstudio.ui.graph.GraphViewModel;
import io.tsstudio.ui.graph.Highlights;
import io.tsstudio.ui.graph.LayoutCancelledException;
import io.tsstudio.ui.graph.LayoutThreads;
import io.tsstudio.ui.graph.ModuleGraphs;
import io.tsstudio.ui.graph.NodeDetails;
import io.tsstudio.ui.graph.SearchResults;
import io.tsstudio.ui.graph.ShapeLookup;
import io.tsstudio.ui.graph.SubgraphLoader;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The graph view the main window hosts: toolbar (search, expand/collapse all, folding, flat view, trace, fit,
 * export), the canvas with a minimap, a details panel, and a status line with layout progress and cancel.
 * Layouts run on one large-stack worker; a newer request supersedes an older one.
 */
public final class GraphPane extends BorderPane {
    private final GraphCanvas canvas = new GraphCanvas();
    private final Minimap minimap = new Minimap(canvas);
    private final TextArea details = new TextArea();
    private final TextField search = new TextField();
    private final Label searchCount = new Label();
    private final CheckBox fold = new CheckBox("Fold constants");
    private final CheckBox flat = new CheckBox("Flat");
    private final Label status = new Label("No graph");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final List<Consumer<GraphSelection>> selectionListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = LayoutThreads.newExecutor();
    private final GraphLayoutEngine engine = new GraphLayoutEngine();
    private final AtomicLong generation = new AtomicLong();
    private GraphViewModel vm;
    private CompletableFuture<GraphScene> layoutDone = CompletableFuture.completedFuture(null);
    private volatile boolean cancelRequested;
    private GraphNode anchor;
    private Point2D anchorScreen;
    private boolean fitNext;

    public GraphPane() {
        getStyleClass().add("graph-pane");
        setId("graphPane");
        canvas.setId("graphCanvas");
        details.setEditable(false);
        // Not wrapped: type names and schemas are long single words, and wrapping broke them mid-word; it scrolls instead.
        details.setWrapText(false);
        details.setId("graphDetails");
        details.setPromptText("Select a node");
        search.setId("graphSearch");
        search.setPromptText("Search (regex: kind, name, type)");
        search.setOnAction(e -> runSearch(true));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                runSearch(false);
                e.consume();
            }
        });
        Button prev = button("\u25B2", "graphPrev", () -> runSearch(false));
        Button next = button("\u25BC", "graphNext", () -> runSearch(true));
        Button expandAll = button("Expand all", "graphExpandAll", () -> withVm(v -> v.expandAll(20_000)));
        Button collapseAll = button("Collapse all", "graphCollapseAll", () -> withVm(GraphViewModel::collapseAll));
        Button trace = button("Trace", "graphTrace", () -> withVm(GraphViewModel::traceSelected));
        Button fit = button("Fit", "graphFit", canvas::fit);
        Button png = button("PNG\u2026", "graphExportPng", () -> exportDialog("png"));
        Button svg = button("SVG\u2026", "graphExportSvg", () -> exportDialog("svg"));
        fold.setSelected(true);
        fold.setId("graphFold");
        fold.setOnAction(e -> withVm(v -> {
            engine.clear();
            v.setFoldConstants(fold.isSelected());
        }));
        flat.setId("graphFlat");
        flat.setOnAction(e -> withVm(v -> {
            engine.clear();
            fitNext = true;
            v.setFlat(flat.isSelected());
        }));
        search.setPrefColumnCount(18);
        ToolBar bar = new ToolBar(search, prev, next, searchCount, new Separator(Orientation.VERTICAL),
                expandAll, collapseAll, fold, flat, trace, new Separator(Orientation.VERTICAL), fit, png, svg);
        setTop(bar);

        StackPane stage = new StackPane(canvas, minimap);
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(8));
        // In a narrow dock the minimap would cover the graph it summarises.
        minimap.visibleProperty().bind(stage.widthProperty().greaterThan(560).and(stage.heightProperty().greaterThan(440)));
        SplitPane split = new SplitPane(stage, details);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(details, false);
        setCenter(split);

        progress.setVisible(false);
        progress.setPrefWidth(160);
        cancel.setVisible(false);
        cancel.setId("graphCancel");
        cancel.setOnAction(e -> cancelRequested = true);
        status.setId("graphStatus");
        status.setWrapText(true); // the layout figures wrap in a narrow dock rather than ending in "…"
        HBox statusBar = new HBox(8, status, progress, cancel);
        HBox.setHgrow(status, Priority.ALWAYS);
        statusBar.setPadding(new Insets(2, 6, 2, 6));
        statusBar.setAlignment(Pos.CENTER_LEFT);
        setBottom(statusBar);

        canvas.setOnKeyPressed(this::keys);
        canvas.setOnSelect(n -> withVm(v -> v.select(n)));
        canvas.setOnToggle(n -> withVm(v -> {
            anchorOn(n);
            v.toggle(n);
        }));
        canvas.addCameraListener(minimap::refresh);
        canvas.setHighlights(this::highlights);
    }

    /** F fit, +/- zoom, arrows pan, Enter opens/closes the selected group, T traces, Ctrl+F searches. */
    private void keys(javafx.scene.input.KeyEvent e) {
        double w = canvas.getWidth() / 2, h = canvas.getHeight() / 2;
        switch (e.getCode()) {
            case F -> {
                if (e.isShortcutDown()) {
                    search.requestFocus();
                } else {
                    canvas.fit();
                }
            }
            case PLUS, EQUALS, ADD -> canvas.zoomAt(w, h, 1.25);
            case MINUS, SUBTRACT -> canvas.zoomAt(w, h, 0.8);
            case LEFT -> canvas.setCamera(canvas.scale(), canvas.translateX() + 80, canvas.translateY());
            case RIGHT -> canvas.setCamera(canvas.scale(), canvas.translateX() - 80, canvas.translateY());
            case UP -> canvas.setCamera(canvas.scale(), canvas.translateX(), canvas.translateY() + 80);
            case DOWN -> canvas.setCamera(canvas.scale(), canvas.translateX(), canvas.translateY() - 80);
            case ENTER -> withVm(v -> v.selected().filter(GraphNode::isContainer).ifPresent(n -> {
                anchorOn(n);
                v.toggle(n);
            }));
            case T -> withVm(GraphViewModel::traceSelected);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Shows a graph whose submodule calls open through {@code loader}. */
    public void show(IrGraph graph, SubgraphLoader loader) {
        vm = new GraphViewModel(graph, loader);
        canvas.setShapes(ShapeLookup.none());
        fold.setSelected(true);
        flat.setSelected(false);
        engine.clear();
        vm.addStructureListener(this::relayout);
        vm.addSelectionListener(this::selectionChanged);
        details.clear();
        fitNext = true;
        relayout();
    }

    /**
     * Shows {@code module.<method>} with its submodule calls as groups that open on demand. The graph is read on the
     * layout worker (a 50,000-node model's top level takes about a second), then laid out; {@link #layoutDone()}
     * completes when it is on screen. The module must stay open while it is shown (opening a group reads the
     * submodule's graph).
     *
     * @throws IllegalArgumentException when the module has no such method
     */
    public void show(ScriptModule module, String method) {
        if (!module.hasMethod(method)) {
            throw new IllegalArgumentException("module " + module.className() + " has no method '" + method + "'");
        }
        long token = generation.incrementAndGet();
        CompletableFuture<GraphScene> shown = new CompletableFuture<>();
        layoutDone = shown;
        status.setText("Reading the graph of " + method + "\u2026");
        worker.submit(() -> {
            try {
                IrGraph graph = ModuleGraphs.graph(module, method);
                Platform.runLater(() -> {
                    if (generation.get() != token) {
                        shown.cancel(false);
                        return;
                    }
                    show(graph, ModuleGraphs.loader(module));
                    layoutDone.whenComplete((scene, error) -> {
                        if (error != null) {
                            shown.completeExceptionally(error);
                        } else {
                            shown.complete(scene);
                        }
                    });
                    layoutDone = shown;
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    status.setText("Cannot read the graph: " + e.getMessage());
                    shown.completeExceptionally(e);
                });
            }
        });
    }

    /** Shows a graph without submodule calls to open (a function, or a test graph). */
    public void show(IrGraph graph) {
        show(graph, SubgraphLoader.none());
    }

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

    public GraphViewModel viewModel() {
        return vm;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    /** Completes when the layout requested last is on screen. */
    public CompletableFuture<GraphScene> layoutDone() {
        return layoutDone;
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
        if (vm == null) {
            return Set.of();
        }
        Set<GraphNode> hits = vm.highlightSourceLine(line);
        canvas.redraw();
        return hits;
    }

    /** As {@link #highlightSourceLine(int)} for a line of another code file ({@code IrSourceRange#file()}). */
    public Set<GraphNode> highlightSourceLine(String file, int line) {
        if (vm == null) {
            return Set.of();
        }
        Set<GraphNode> hits = vm.highlightSourceLine(file, line);
        canvas.redraw();
        return hits;
    }

    private void withVm(Consumer<GraphViewModel> action) {
        if (vm != null) {
            try {
                action.accept(vm);
            } catch (RuntimeException e) {
                status.setText(e.getMessage());
            }
        }
    }

    private Highlights highlights() {
        if (vm == null) {
            return Highlights.NONE;
        }
        Set<GraphNode> hits = vm.currentSearch().map(r -> Set.copyOf(r.hits())).orElse(Set.of());
        return new Highlights(vm.selected().orElse(null), vm.traced(), hits, vm.sourceHits());
    }

    private void runSearch(boolean forward) {
        if (vm == null || search.getText().isBlank()) {
            return;
        }
        try {
            SearchResults r = vm.currentSearch().filter(s -> s.query().equals(search.getText()))
                    .orElseGet(() -> vm.search(search.getText()));
            if (forward) {
                vm.searchNext();
            } else {
                vm.searchPrevious();
            }
            searchCount.setText(r.size() == 0 ? "no match" : (r.cursor() + 1) + " / " + r.size());
            search.setStyle("");
        } catch (IllegalArgumentException e) {
            searchCount.setText("bad pattern");
            search.setStyle("-fx-border-color: #e03131;");
            status.setText(e.getMessage());
        }
    }

    private void selectionChanged(GraphNode n) {
        details.setText(n == null ? "" : NodeDetails.describe(n, vm.shapes()));
        canvas.redraw();
        if (n != null && canvas.scene() != null && canvas.scene().indexOf(n).isPresent() && !onScreen(n)) {
            canvas.centerOn(n);
        }
        GraphSelection sel = new GraphSelection(n, n == null ? java.util.Optional.empty() : n.sourceRange());
        selectionListeners.forEach(l -> l.accept(sel));
    }

    private boolean onScreen(GraphNode n) {
        GraphScene s = canvas.scene();
        int i = s.indexOf(n).orElse(-1);
        Point2D a = canvas.toScreen(s.x(i), s.y(i));
        return a.getX() >= 0 && a.getY() >= 0 && a.getX() < canvas.getWidth() && a.getY() < canvas.getHeight();
    }

    /** Remembers where a node is on screen so the view does not jump when it opens or closes. */
    private void anchorOn(GraphNode n) {
        GraphScene s = canvas.scene();
        if (s != null) {
            s.indexOf(n).ifPresent(i -> {
                anchor = n;
                anchorScreen = canvas.toScreen(s.x(i), s.y(i));
            });
        }
    }

    private void relayout() {
        long gen = generation.incrementAndGet();
        cancelRequested = false;
        GraphViewModel model = vm;
        Set<String> open = model.expandedIds();
        long t0 = System.nanoTime();
        CompletableFuture<GraphScene> done = new CompletableFuture<>();
        layoutDone = done;
        status.setText("Laying out\u2026");
        worker.submit(() -> {
            try {
                GraphScene scene = engine.layout(model.root(), n -> open.contains(n.id()),
                        (d, t) -> showProgress(gen, t0, d, t),
                        () -> cancelRequested || generation.get() != gen);
                Platform.runLater(() -> installScene(gen, scene, t0, done));
            } catch (LayoutCancelledException e) {
                Platform.runLater(() -> {
                    hideProgress();
                    if (generation.get() == gen) {
                        status.setText("Layout cancelled");
                    }
                    done.completeExceptionally(e);
                });
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    hideProgress();
                    status.setText("Layout failed: " + e);
                    done.completeExceptionally(e);
                });
            }
        });
    }

    private void showProgress(long gen, long t0, int done, int total) {
        if (System.nanoTime() - t0 > 250_000_000L) {
            Platform.runLater(() -> {
                if (generation.get() == gen) {
                    progress.setVisible(true);
                    cancel.setVisible(true);
                    progress.setProgress((double) done / total);
                }
            });
        }
    }

    private void hideProgress() {
        progress.setVisible(false);
        cancel.setVisible(false);
    }

    private void installScene(long gen, GraphScene scene, long t0, CompletableFuture<GraphScene> done) {
        if (generation.get() != gen) {
            done.complete(scene);
            return;
        }
        hideProgress();
        canvas.setScene(scene);
        if (fitNext) {
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
        minimap.refresh();
        status.setText(String.format("%,d nodes drawn, %,d edges; layout %d ms (ELK %d ms, %d groups)",
                scene.nodeCount(), scene.edgeCount(), (System.nanoTime() - t0) / 1_000_000,
                engine.lastElkMillis(), engine.lastGroupsLaidOut()));
        done.complete(scene);
    }

    private void exportDialog(String ext) {
        if (canvas.scene() == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("graph." + ext);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase() + " image", "*." + ext));
        var file = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            try {
                if (ext.equals("png")) {
                    exportPng(file.toPath());
                } else {
                    exportSvg(file.toPath());
                }
                status.setText("Exported " + file);
            } catch (RuntimeException | IOException e) {
                status.setText("Export failed: " + e.getMessage());
            }
        }
    }

    /** Writes the whole current picture (every open group, with highlights) as PNG at 2x. */
    public void exportPng(Path file) {
        GraphSvg.writePng(requireScene(), 2.0, highlights(), file);
    }

    public void exportSvg(Path file) throws IOException {
        Files.writeString(file, GraphSvg.toSvg(requireScene(), highlights()));
    }

    private GraphScene requireScene() {
        GraphScene s = canvas.scene();
        if (s == null) {
            throw new IllegalStateException("no graph is shown");
        }
        return s;
    }
}
