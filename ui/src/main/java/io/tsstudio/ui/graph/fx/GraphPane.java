package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.files.AtomicWrite;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.ui.graph.layout.GraphLayoutEngine;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.render.GraphSvg;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.layout.LayoutCancelledException;
import io.tsstudio.ui.concurrent.LatestReplies;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.graph.layout.LayoutThreads;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.ui.graph.model.NodeDetails;
import io.tsstudio.ui.graph.model.RunValues;
import io.tsstudio.ui.graph.model.SearchResults;
import io.tsstudio.ui.graph.model.ShapeLookup;
import io.tsstudio.ui.graph.model.SubgraphLoader;
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
    // A clear button (ControlsFX) empties the search in one click.
    private final TextField search = org.controlsfx.control.textfield.TextFields.createClearableTextField();
    private final Label searchCount = new Label();
    private final CheckBox fold = new CheckBox("Fold constants");
    private final CheckBox flat = new CheckBox("Flat");
    private final Label status = new Label("No graph");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final List<Consumer<GraphSelection>> selectionListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = LayoutThreads.newExecutor();
    private final TaskRunner runner = TaskRunner.forJavaFx();
    private final GraphLayoutEngine engine = new GraphLayoutEngine();
    /** The latest read or layout wins: a newer request makes the older ones' results stale. */
    private final LatestReplies requests = runner.latestReplies();
    private GraphViewModel vm;
    private CompletableFuture<GraphScene> layoutDone = CompletableFuture.completedFuture(null);
    private volatile boolean cancelRequested;
    private GraphNode anchor;
    private Point2D anchorScreen;
    private boolean fitNext;
    private boolean layoutPending;
    /** True while a layout runs: the studio lists it among its background jobs. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper layingOut = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "layingOut");
    private GraphNode centreAfterLayout;
    private final javafx.scene.control.ComboBox<String> methodPicker = new javafx.scene.control.ComboBox<>();
    private java.util.function.Consumer<String> onMethodPicked = m -> { };
    private boolean settingMethods;
    private final javafx.scene.control.CheckMenuItem minimapItem = new javafx.scene.control.CheckMenuItem("Minimap");
    private final javafx.scene.control.MenuItem compareFreeze = new javafx.scene.control.MenuItem("Compare with freeze\u2026");
    private final javafx.scene.control.MenuItem compareOptimize = new javafx.scene.control.MenuItem("Compare with optimize_for_inference\u2026");
    private final javafx.scene.control.MenuItem showHidden = new javafx.scene.control.MenuItem("Show hidden");
    private ScriptModule compareModule;
    private String compareMethod;
    private RunValues runValues = RunValues.none();
    private final javafx.scene.control.ContextMenu contextMenu = new javafx.scene.control.ContextMenu();

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
        methodPicker.setId("graphMethod");
        methodPicker.setTooltip(new javafx.scene.control.Tooltip("The method whose graph is drawn"));
        methodPicker.setVisible(false);
        methodPicker.setManaged(false);
        methodPicker.valueProperty().addListener((o, was, now) -> {
            if (!settingMethods && now != null && !now.equals(was)) onMethodPicked.accept(now);
        });
        javafx.scene.control.MenuButton viewMenu = new javafx.scene.control.MenuButton("View");
        viewMenu.setId("graphViewMenu");
        minimapItem.setId("graphMinimapItem");
        minimapItem.setSelected(true);
        compareFreeze.setId("graphCompareFreeze");
        compareOptimize.setId("graphCompareOptimize");
        compareFreeze.setOnAction(e -> openCompare(GraphCompareView.Transform.FREEZE));
        compareOptimize.setOnAction(e -> openCompare(GraphCompareView.Transform.OPTIMIZE_FOR_INFERENCE));
        compareFreeze.setDisable(true);
        compareOptimize.setDisable(true);
        showHidden.setId("graphShowHidden");
        showHidden.setDisable(true);
        showHidden.setOnAction(e -> withVm(GraphViewModel::showHidden));
        for (javafx.scene.control.MenuItem m : List.of(minimapItem, compareFreeze, compareOptimize, showHidden)) {
            m.setMnemonicParsing(false); // "optimize_for_inference" keeps its underscores
        }
        viewMenu.getItems().addAll(minimapItem, new javafx.scene.control.SeparatorMenuItem(), compareFreeze, compareOptimize,
                new javafx.scene.control.SeparatorMenuItem(), showHidden);
        // The method picker and the View menu first: in a narrow dock the toolbar's tail overflows into its menu.
        ToolBar bar = new ToolBar(methodPicker, viewMenu, search, prev, next, searchCount, new Separator(Orientation.VERTICAL),
                expandAll, collapseAll, fold, flat, trace, new Separator(Orientation.VERTICAL), fit, png, svg);
        // Controls keep their text's width: what does not fit goes to the toolbar's overflow menu instead of being cut
        // to "for..." / "Expan..." (the search field alone may shrink).
        bar.getItems().forEach(n -> {
            if (n instanceof javafx.scene.control.Labeled || n instanceof javafx.scene.control.ComboBoxBase<?>) {
                ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        setTop(bar);

        StackPane stage = new StackPane(canvas, minimap, timeLegend);
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setAlignment(timeLegend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(timeLegend, new Insets(8));
        timeLegend.setVisible(false);
        StackPane.setMargin(minimap, new Insets(8));
        // In a narrow dock the minimap would cover the graph it summarises.
        minimap.visibleProperty().bind(minimapItem.selectedProperty()
                .and(stage.widthProperty().greaterThan(560)).and(stage.heightProperty().greaterThan(440)));
        SplitPane split = new SplitPane(stage, details);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(details, false);
        setCenter(split);

        progress.setVisible(false);
        progress.setPrefWidth(160);
        cancel.setVisible(false);
        cancel.setId("graphCancel");
        cancel.setOnAction(e -> cancelLayout());
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
        canvas.setHidden(n -> vm != null && vm.isHidden(n), e -> vm != null && vm.isHidden(e));
        contextMenu.setId("graphContextMenu");
        // A right click (not a right drag, which pans) opens the menu; the keyboard's menu key opens it on the selection.
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.isStillSincePress() && vm != null
                    && !edgeClickListeners.isEmpty() && canvas.pick(e.getX(), e.getY()).isEmpty()) {
                canvas.pickEdge(e.getX(), e.getY()).ifPresent(edge -> edgeClickListeners.forEach(l -> l.accept(edge)));
            }
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY && e.isStillSincePress()) {
                openContextMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        canvas.setOnContextMenuRequested(e -> {
            if (e.isKeyboardTrigger() && vm != null) {
                vm.selected().flatMap(n -> canvas.scene() == null ? java.util.Optional.empty() : canvas.scene().indexOf(n)).ifPresent(i -> {
                    GraphScene sc = canvas.scene();
                    Point2D at = canvas.toScreen(sc.x(i) + sc.w(i) / 2, sc.y(i) + sc.h(i) / 2);
                    Point2D screen = canvas.localToScreen(at);
                    openContextMenu(at.getX(), at.getY(), screen.getX(), screen.getY());
                });
            }
            e.consume();
        });
    }

    private void openContextMenu(double x, double y, double screenX, double screenY) {
        contextMenu.hide();
        if (vm == null) {
            return;
        }
        java.util.Optional<GraphNode> node = canvas.pick(x, y);
        List<javafx.scene.control.MenuItem> items = node.isPresent() ? nodeMenu(node.get())
                : canvas.pickEdge(x, y).map(this::edgeMenu).orElse(List.of());
        if (!items.isEmpty()) {
            contextMenu.getItems().setAll(items);
            contextMenu.show(canvas, screenX, screenY);
        }
    }

    // ---- context menus

    private List<javafx.scene.control.MenuItem> nodeMenu(GraphNode n) {
        vm.select(n);
        GraphNode group = n.isContainer() ? n : n.group().owner();
        List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>(List.of(
                menuItem("Copy name", "graphCopyName", () -> copy(n.title())),
                menuItem("Show code", "graphShowCode", () -> showCode(n), n.sourceRange().isEmpty()),
                menuItem("Expand", "graphExpand", () -> toggleOpen(n, true), !n.isContainer() || vm.isExpanded(n)),
                menuItem(group == null || group == n ? "Collapse" : "Collapse " + group.title(), "graphCollapse", () -> toggleOpen(group, false),
                        group == null || !vm.isExpanded(group)),
                menuItem("Hide", "graphHide", () -> vm.hide(n)),
                new javafx.scene.control.SeparatorMenuItem(),
                menuItem("Values after a run", "graphValues", () -> showValues(n.title(), runValues.forNode(n)))));
        // only where a debugger is wired in
        if (breakpointToggle != NO_BREAKPOINTS) {
            items.add(menuItem(breakpointOn.test(n) ? "Remove breakpoint" : "Set breakpoint", "graphBreakpoint",
                    () -> breakpointToggle.accept(n), n.ir().isEmpty()));
        }
        return items;
    }

    private List<javafx.scene.control.MenuItem> edgeMenu(io.tsstudio.ui.graph.model.GraphEdge e) {
        GraphNode container = e.from().isContainer() ? e.from() : e.to().isContainer() ? e.to() : null;
        GraphNode code = e.from().sourceRange().isPresent() ? e.from() : e.to();
        String name = edgeName(e);
        return List.of(
                menuItem("Copy name", "graphCopyName", () -> copy(name)),
                menuItem("Show code", "graphShowCode", () -> showCode(code), code.sourceRange().isEmpty()),
                menuItem(container == null ? "Expand" : "Expand " + container.title(), "graphExpand", () -> toggleOpen(container, true),
                        container == null || vm.isExpanded(container)),
                menuItem(container == null ? "Collapse" : "Collapse " + container.title(), "graphCollapse", () -> toggleOpen(container, false),
                        container == null || !vm.isExpanded(container)),
                menuItem("Hide", "graphHide", () -> vm.hide(e)),
                new javafx.scene.control.SeparatorMenuItem(),
                menuItem("Values after a run", "graphValues", () -> showValues(name, runValues.forEdge(e))));
    }

    /** An edge is the value it carries: named after the value, else after the port that produces it. */
    private static String edgeName(io.tsstudio.ui.graph.model.GraphEdge e) {
        if (e.valueId() != null && !e.valueId().isBlank()) {
            return e.valueId();
        }
        List<io.tsstudio.ui.graph.model.Port> outs = e.from().outputs();
        return e.fromPort() < outs.size() ? outs.get(e.fromPort()).name() : e.from().title();
    }

    private static javafx.scene.control.MenuItem menuItem(String text, String id, Runnable action) {
        return menuItem(text, id, action, false);
    }

    private static javafx.scene.control.MenuItem menuItem(String text, String id, Runnable action, boolean disabled) {
        javafx.scene.control.MenuItem m = new javafx.scene.control.MenuItem(text);
        m.setMnemonicParsing(false);
        m.setId(id);
        m.setDisable(disabled);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void copy(String text) {
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        status.setText("Copied \u201c" + text + "\u201d");
    }

    /** Tells the selection listeners again (the editor shows the node's code), even when it was selected already. */
    private void showCode(GraphNode n) {
        vm.select(n);
        GraphSelection sel = new GraphSelection(n, n.sourceRange());
        selectionListeners.forEach(l -> l.accept(sel));
    }

    private void toggleOpen(GraphNode n, boolean open) {
        if (n == null) {
            return;
        }
        anchorOn(n);
        if (open) {
            vm.expand(n);
        } else {
            vm.collapse(n);
        }
    }

    private void showValues(String what, java.util.Optional<String> values) {
        details.setText(values.map(v -> "Values after the last run \u2014 " + what + ":\n" + v)
                .orElse("No run has produced values for " + what + " yet.\n\nRun the method in the Run panel: its output "
                        + "values then show here for the graph's output and the edges into it."));
        status.setText(values.isPresent() ? "Values of " + what + " from the last run" : "No run has produced values for " + what + " yet");
    }

    // ---- observed runs and the debugger

    private static final Consumer<GraphNode> NO_BREAKPOINTS = n -> { };
    private final List<Consumer<io.tsstudio.ui.graph.model.GraphEdge>> edgeClickListeners = new CopyOnWriteArrayList<>();
    private final HBox timeLegend = new HBox(6);
    private io.tsstudio.ui.graph.render.NodeDecor timing = io.tsstudio.ui.graph.render.NodeDecor.NONE;
    private java.util.function.Predicate<GraphNode> breakpointOn = n -> false;
    private Consumer<GraphNode> breakpointToggle = NO_BREAKPOINTS;

    /**
     * Shows an observed run on the graph: {@code shapes} label the edges in place of the static types, {@code timing}
     * fills and badges the nodes, and a legend explains the colours ({@code ramp}, cold to hot, over {@code total}).
     * Null clears it.
     */
    public void setObservation(ShapeLookup shapes, io.tsstudio.ui.graph.render.NodeDecor timing, int[] ramp, String total) {
        this.timing = timing == null ? io.tsstudio.ui.graph.render.NodeDecor.NONE : timing;
        setObservedShapes(shapes == null ? ShapeLookup.none() : shapes);
        applyDecor();
        timeLegend.getChildren().clear();
        timeLegend.setVisible(timing != null);
        if (timing != null) {
            StringBuilder gradient = new StringBuilder("-fx-background-color: linear-gradient(to right");
            for (int c : ramp) gradient.append(String.format(", #%06x", c & 0xFFFFFF));
            javafx.scene.layout.Region bar = new javafx.scene.layout.Region();
            bar.setStyle(gradient + "); -fx-border-color: #868e96;");
            bar.setPrefSize(120, 12);
            bar.setMaxHeight(12);
            Label from = new Label("0");
            Label to = new Label(total);
            to.setId("graphTimeTotal");
            timeLegend.getChildren().addAll(new Label("Time"), from, bar, to);
            timeLegend.setAlignment(Pos.CENTER_LEFT);
            timeLegend.setPadding(new Insets(3, 8, 3, 8));
            timeLegend.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-background-radius: 4; -fx-text-fill: #1f2933;");
            timeLegend.getChildren().forEach(c -> c.setStyle(c == bar ? c.getStyle() : "-fx-text-fill: #1f2933; -fx-font-size: 11px;"));
            timeLegend.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        timeLegend.setId("graphTimeLegend");
        canvas.redraw();
    }

    /** Breakpoints: {@code isSet} marks nodes (a red dot), the node menu's "Set breakpoint" calls {@code toggle}. */
    public void setBreakpoints(java.util.function.Predicate<GraphNode> isSet, Consumer<GraphNode> toggle) {
        breakpointOn = isSet == null ? n -> false : isSet;
        breakpointToggle = toggle == null ? NO_BREAKPOINTS : toggle;
        applyDecor();
        canvas.redraw();
    }

    /** A primary click on an edge (not on a node): the app shows the value it carried. */
    public void addEdgeClickListener(Consumer<io.tsstudio.ui.graph.model.GraphEdge> l) {
        edgeClickListeners.add(l);
    }

    /** Reveals and selects {@code n} (opening the groups around it), as the debugger's current node or a jump. */
    public void reveal(GraphNode n) {
        if (vm == null) return;
        vm.reveal(n);
        vm.select(n);
        centreOnMatch(n);
    }

    private void applyDecor() {
        io.tsstudio.ui.graph.render.NodeDecor t = timing;
        java.util.function.Predicate<GraphNode> bp = breakpointOn;
        canvas.setDecor(new io.tsstudio.ui.graph.render.NodeDecor() {
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
    }

    /** What "Values after a run" shows (the app passes the run panel's last outcome). */
    public void setRunValues(RunValues values) {
        runValues = values == null ? RunValues.none() : values;
    }

    // ---- method picker and compare

    /**
     * Offers {@code methods} in the toolbar's picker with {@code current} chosen; picking another calls {@code onPick}
     * with its name (the host then shows that method's graph).
     */
    public void setMethods(List<String> methods, String current, java.util.function.Consumer<String> onPick) {
        settingMethods = true;
        try {
            methodPicker.getItems().setAll(methods);
            methodPicker.setValue(current);
        } finally {
            settingMethods = false;
        }
        onMethodPicked = onPick == null ? m -> { } : onPick;
        boolean show = !methods.isEmpty();
        methodPicker.setVisible(show);
        methodPicker.setManaged(show);
    }

    /** The method picker (for tests and hosts). */
    public javafx.scene.control.ComboBox<String> methodPicker() {
        return methodPicker;
    }

    /**
     * The module and method the freeze / optimize_for_inference comparison starts from (null: nothing to compare).
     * The module must stay open while it is shown.
     */
    public void setCompareSource(ScriptModule module, String method) {
        compareModule = module;
        compareMethod = method;
        compareFreeze.setDisable(module == null);
        compareOptimize.setDisable(module == null);
    }

    private void openCompare(GraphCompareView.Transform transform) {
        if (compareModule == null) {
            return;
        }
        GraphCompareView compare = new GraphCompareView();
        javafx.stage.Stage window = new javafx.stage.Stage();
        if (getScene() != null) {
            window.initOwner(getScene().getWindow());
            window.setScene(new javafx.scene.Scene(compare, 1100, 700));
            window.getScene().getStylesheets().setAll(getScene().getStylesheets());
        } else {
            window.setScene(new javafx.scene.Scene(compare, 1100, 700));
        }
        window.setTitle("Compare " + compareMethod + ": original and " + (transform == GraphCompareView.Transform.FREEZE ? "frozen" : "optimized for inference"));
        window.setOnHidden(e -> compare.close());
        window.show();
        compare.showTransformed(compareModule, compareMethod, transform);
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
        timing = io.tsstudio.ui.graph.render.NodeDecor.NONE;
        timeLegend.setVisible(false);
        applyDecor();
        fold.setSelected(true);
        flat.setSelected(false);
        engine.clear();
        vm.addStructureListener(this::relayout);
        vm.addSelectionListener(this::selectionChanged);
        vm.addSelectionListener(n -> showHidden.setDisable(vm.hiddenCount() == 0));
        showHidden.setDisable(true);
        details.clear();
        centreAfterLayout = null;
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
        LatestReplies.Request request = requests.begin();
        CompletableFuture<GraphScene> shown = new CompletableFuture<>();
        layoutDone = shown;
        setMethods(module.methods().stream().map(io.tsstudio.engine.MethodInfo::name).toList(), method, m -> show(module, m));
        setCompareSource(module, method);
        status.setText("Reading the graph of " + method + "\u2026");
        worker.submit(() -> {
            try {
                IrGraph graph = ModuleGraphs.graph(module, method);
                Platform.runLater(() -> {
                    if (!request.isCurrent()) {
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

    /**
     * Opens submodule {@code modulePath} where the shown graph calls it: the groups above it and the call itself are
     * opened, the call selected and centred once laid out. False when no drawn graph calls it (a traced model has its
     * submodules inlined).
     */
    public boolean openModule(String modulePath) {
        if (vm == null) {
            return false;
        }
        java.util.Optional<GraphNode> n = vm.findModule(modulePath);
        if (n.isEmpty()) {
            return false;
        }
        vm.reveal(n.get());
        vm.expand(n.get());
        vm.select(n.get());
        centreOnMatch(n.get());
        return true;
    }

    /** Fill colours per node (ARGB, 0 for the node's own): a comparison's marks. */
    public void setNodeTint(java.util.function.ToIntFunction<GraphNode> fill) {
        canvas.setTint(fill);
    }

    public GraphViewModel viewModel() {
        return vm;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    /** Completes when the layout requested last is on screen. */
    /** True while a layout runs. */
    public javafx.beans.property.ReadOnlyBooleanProperty layingOutProperty() {
        return layingOut.getReadOnlyProperty();
    }

    /** The running layout's progress (0..1, negative while unknown), as the status line's bar shows it. */
    public javafx.beans.value.ObservableNumberValue layoutProgress() {
        return progress.progressProperty();
    }

    /** The status line's text ("Laying out…", the figures of the last layout). */
    public javafx.beans.value.ObservableStringValue statusText() {
        return status.textProperty();
    }

    /** Stops the running layout at its next step (the status line's Cancel). */
    public void cancelLayout() {
        cancelRequested = true;
    }

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
            java.util.Optional<GraphNode> hit = forward ? vm.searchNext() : vm.searchPrevious();
            hit.ifPresent(this::centreOnMatch);
            searchCount.setText(r.size() == 0 ? "no match" : (r.cursor() + 1) + " / " + r.size());
            search.setStyle("");
        } catch (IllegalArgumentException e) {
            searchCount.setText("bad pattern");
            search.setStyle("-fx-border-color: #e03131;");
            status.setText(e.getMessage());
        }
    }

    /**
     * Scrolls so the match is in the middle of the view. When finding it opened containers, the new layout is still
     * on its way: it centres once that is on screen.
     */
    private void centreOnMatch(GraphNode n) {
        if (!layoutPending && canvas.scene() != null && canvas.scene().indexOf(n).isPresent()) {
            canvas.centerOn(n);
            centreAfterLayout = null;
        } else {
            centreAfterLayout = n;
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
        LatestReplies.Request gen = requests.begin();
        cancelRequested = false;
        GraphViewModel model = vm;
        Set<String> open = model.expandedIds();
        layoutPending = true;
        layingOut.set(true);
        long t0 = System.nanoTime();
        CompletableFuture<GraphScene> done = new CompletableFuture<>();
        layoutDone = done;
        status.setText("Laying out\u2026");
        worker.submit(() -> {
            try {
                GraphScene scene = engine.layout(model.root(), n -> open.contains(n.id()),
                        (d, t) -> showProgress(gen, t0, d, t),
                        () -> cancelRequested || !gen.isCurrent());
                Platform.runLater(() -> installScene(gen, scene, t0, done));
            } catch (LayoutCancelledException e) {
                Platform.runLater(() -> {
                    hideProgress();
                    if (gen.isCurrent()) {
                        layoutPending = false;
                        layingOut.set(false);
                        status.setText("Layout cancelled");
                    }
                    done.completeExceptionally(e);
                });
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    hideProgress();
                    layoutPending = false;
                    layingOut.set(false);
                    status.setText("Layout failed: " + e);
                    done.completeExceptionally(e);
                });
            }
        });
    }

    private void showProgress(LatestReplies.Request gen, long t0, int done, int total) {
        if (System.nanoTime() - t0 > 250_000_000L) {
            Platform.runLater(() -> {
                if (gen.isCurrent()) {
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

    private void installScene(LatestReplies.Request gen, GraphScene scene, long t0, CompletableFuture<GraphScene> done) {
        if (!gen.isCurrent()) {
            done.complete(scene);
            return;
        }
        hideProgress();
        layoutPending = false;
        layingOut.set(false);
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
        AtomicWrite.writeString(file, GraphSvg.toSvg(requireScene(), highlights()));
    }

    private GraphScene requireScene() {
        GraphScene s = canvas.scene();
        if (s == null) {
            throw new IllegalStateException("no graph is shown");
        }
        return s;
    }
}
