package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.ClassCodeDiff;
import io.tsstudio.engine.diff.LineDiff;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.ui.compare.CompareViewModel;
import io.tsstudio.ui.compare.ComparisonRuns;
import io.tsstudio.ui.compare.DiffRow;
import io.tsstudio.ui.compare.ModelComparison;
import io.tsstudio.ui.compare.ModuleMark;
import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.ui.graph.model.SubgraphLoader;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The studio's one compare feature: two models (or a model before and after freeze / optimize_for_inference) side by
 * side, pan and zoom kept in step (a toggle turns that off), modules colour-coded (added, removed, changed, diverging,
 * first divergence), the list of differences, a code diff per class, and "Go to first divergence", which opens that
 * module in both graphs. The diff runs off the FX thread ({@link ModelComparison}), both models' runs in the
 * worker process ({@link ComparisonRuns}); "Stop" ends them. Dropping a .pt file on the right
 * side compares the left model with it.
 */
public final class GraphCompareView extends BorderPane {
    /** Fallbacks for hosts without the studio's themes; each theme defines {@code -compare-<mark>} (see {@link #colourName}). */
    private static final Map<ModuleMark, Integer> DEFAULT_COLOURS = new EnumMap<>(Map.of(
            ModuleMark.CHANGED, 0xFFFFE08A, ModuleMark.ADDED, 0xFFA9E34B, ModuleMark.REMOVED, 0xFFFFA8A8,
            ModuleMark.DIVERGING, 0xFFFFB870, ModuleMark.FIRST_DIVERGENCE, 0xFFFF6B9A));

    /** Loading, transforming and comparing models are LibTorch work: jobs on the runner's engine lane. */
    /** Set by {@link #close()}: modules that arrive later are closed at once, and nothing more is compared. */
    private boolean closed;
    private final TaskRunner runner = TaskRunner.forJavaFx();
    private final GraphPane left = new GraphPane();
    private final GraphPane right = new GraphPane();
    private final Label leftTitle = new Label();
    private final Label rightTitle = new Label();
    private final CheckBox sync = new CheckBox("Sync pan/zoom");
    private final Button firstDivergence = new Button("Go to first divergence");
    private final Button stop = new Button("Stop");
    /** Where both models run; null: the studio's default, looked up at each comparison. */
    private final ComparisonRuns runs;
    private final Label status = new Label();
    private final ListView<DiffRow> differences = new ListView<>();
    private final ListView<LineDiff.Line> codeDiff = new ListView<>();
    private final Label codeTitle = new Label("Select a code difference to see it here");
    private final List<ScriptModule> owned = new ArrayList<>();
    /** The marks' fills in the current theme, read again at a theme switch. */
    private Map<ModuleMark, Integer> colours = DEFAULT_COLOURS;
    private boolean syncing;
    private CancelToken running = CancelToken.none();
    private CompareViewModel vm;
    private ScriptModule moduleA;
    private String titleA;
    private String method = "forward";

    /** A view whose comparisons run the models where the studio set up ({@link ComparisonRuns#studioDefault()}). */
    public GraphCompareView() {
        this(null);
    }

    public GraphCompareView(ComparisonRuns runs) {
        this.runs = runs;
        setId("graphCompare");
        left.setId("graphCompareLeft");
        right.setId("graphCompareRight");
        firstDivergence.setId("compareFirstDivergence");
        status.setId("compareStatus");
        differences.setId("compareDifferences");
        codeDiff.setId("compareCodeDiff");
        sync.setSelected(true);
        firstDivergence.setDisable(true);
        firstDivergence.setOnAction(e -> goToFirstDivergence());
        stop.setId("compareStop");
        stop.setDisable(true);
        stop.setOnAction(e -> stopComparing());
        VBox l = new VBox(4, leftTitle, left);
        VBox r = new VBox(4, rightTitle, right);
        VBox.setVgrow(left, Priority.ALWAYS);
        VBox.setVgrow(right, Priority.ALWAYS);
        leftTitle.setStyle("-fx-font-weight: bold; -fx-padding: 2 6 0 6;");
        rightTitle.setStyle("-fx-font-weight: bold; -fx-padding: 2 6 0 6;");
        HBox tools = new HBox(8, sync, firstDivergence, stop, legend());
        tools.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : List.of(sync, firstDivergence, stop)) ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setWrapText(true);
        VBox top = new VBox(4, tools, status);
        top.setPadding(new Insets(4, 6, 4, 6));
        setTop(top);

        differences.setPlaceholder(new Label("Differences appear here once both models are compared"));
        differences.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> open(row));
        codeDiff.setCellFactory(v -> new CodeLineCell());
        codeDiff.setPlaceholder(new Label(""));
        VBox code = new VBox(2, codeTitle, codeDiff);
        VBox.setVgrow(codeDiff, Priority.ALWAYS);
        SplitPane lists = new SplitPane(differences, code);
        lists.setDividerPositions(0.45);
        SplitPane graphs = new SplitPane(l, r);
        SplitPane all = new SplitPane(graphs, lists);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.68);
        setCenter(all);
        follow(left.canvas(), right.canvas());
        follow(right.canvas(), left.canvas());
        left.setNodeTint(tint(p -> vm == null ? Optional.empty() : vm.markA(p)));
        right.setNodeTint(tint(p -> vm == null ? Optional.empty() : vm.markB(p)));
        io.tsstudio.ui.theme.Palette.follow(this, this::readColours);
        acceptDrops(r);
    }

    /** The marks' colour chips: background and text from the theme ({@code .compare-chip}, {@code .compare-<mark>}). */
    private static HBox legend() {
        HBox box = new HBox(4);
        box.setAlignment(Pos.CENTER_LEFT);
        String[] names = {"changed", "added", "removed", "diverging", "first divergence"};
        ModuleMark[] marks = ModuleMark.values();
        for (int i = 0; i < marks.length; i++) {
            Label chip = new Label(names[i]);
            chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            chip.setId("compareChip-" + marks[i].name().toLowerCase(java.util.Locale.ROOT));
            chip.getStyleClass().addAll("compare-chip", colourName(marks[i]).substring(1));
            box.getChildren().add(chip);
        }
        return box;
    }

    /** The theme's looked-up colour of a mark, e.g. {@code -compare-first-divergence}; also its chip's style class. */
    static String colourName(ModuleMark mark) {
        return "-compare-" + mark.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private void readColours(List<String> stylesheets) {
        if (stylesheets.isEmpty()) return; // no theme: the defaults
        List<String> names = java.util.Arrays.stream(ModuleMark.values()).map(GraphCompareView::colourName).toList();
        io.tsstudio.ui.theme.Palette palette = io.tsstudio.ui.theme.Palette.read(stylesheets, names);
        Map<ModuleMark, Integer> read = new EnumMap<>(ModuleMark.class);
        for (ModuleMark m : ModuleMark.values()) read.put(m, palette.argb(colourName(m), DEFAULT_COLOURS.get(m)));
        colours = read;
        left.canvas().redraw();
        right.canvas().redraw();
    }

    /** The fill a mark gets in the graphs (ARGB), in the current theme. */
    int markColour(ModuleMark mark) {
        return colours.get(mark);
    }

    private java.util.function.ToIntFunction<GraphNode> tint(Function<String, Optional<ModuleMark>> marks) {
        return n -> n.modulePath().flatMap(marks).map(m -> colours.get(m)).orElse(0);
    }

    private void follow(GraphCanvas from, GraphCanvas to) {
        from.addCameraListener(() -> {
            if (sync.isSelected() && !syncing) {
                syncing = true;
                try {
                    to.setCamera(from.scale(), from.translateX(), from.translateY());
                } finally {
                    syncing = false;
                }
            }
        });
    }

    /** Shows {@code before} on the left and {@code after} on the right (graphs only, no diff). */
    public void show(String beforeTitle, IrGraph before, SubgraphLoader beforeLoader,
                     String afterTitle, IrGraph after, SubgraphLoader afterLoader) {
        leftTitle.setText(beforeTitle + "  (" + before.nodes().size() + " top-level IR nodes)");
        rightTitle.setText(afterTitle + "  (" + after.nodes().size() + " top-level IR nodes)");
        left.show(before, beforeLoader);
        right.show(after, afterLoader);
    }

    /**
     * Compares {@code a} with {@code b}: both graphs of {@code method} drawn, the diff (with both run on inputs
     * proposed from {@code a}) computed off the FX thread; the future completes on the FX thread once its marks and
     * differences are shown. The modules must stay open while shown; {@link #own} hands one to this view.
     */
    public CompletableFuture<CompareViewModel> compare(String titleA, ScriptModule a, String titleB, ScriptModule b, String method) {
        running.cancel();
        CancelToken cancel = new CancelToken();
        running = cancel;
        this.moduleA = a;
        this.titleA = titleA;
        this.method = method;
        vm = null;
        firstDivergence.setDisable(true);
        differences.getItems().clear();
        codeDiff.getItems().clear();
        leftTitle.setText(titleA + ": " + method);
        rightTitle.setText(titleB + ": " + method);
        draw(left, a, method);
        draw(right, b, method);
        status.setText("Comparing\u2026");
        stop.setDisable(false);
        ComparisonRuns where = runs != null ? runs : ComparisonRuns.studioDefault().orElse(null);
        CompletableFuture<CompareViewModel> done = new CompletableFuture<>();
        // the runs happen elsewhere: waiting for them holds no engine lane (a looping model would hold it for good)
        runner.submit(Lane.ENGINE, c -> ModelComparison.run(a, b, method, where, cancel)).result()
                .thenCompose(f -> f)
                .thenApply(result -> new Compared(new CompareViewModel(result.diff()), result.inputs()))
                .whenComplete((compared, failure) -> javafx.application.Platform.runLater(() -> finish(cancel, done, compared, failure)));
        return done;
    }

    /** Shows a comparison's end, on the FX thread: its result, why it failed, or that it was stopped. */
    private void finish(CancelToken cancel, CompletableFuture<CompareViewModel> done, Compared compared, Throwable failure) {
        Throwable error = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (running == cancel) stop.setDisable(true);
        if (cancel.isCancelled() || error instanceof CancellationException) {
            if (running == cancel) status.setText("Comparison stopped: both models' runs were ended; nothing was compared.");
            done.cancel(false);
        } else if (error != null) {
            status.setText("Comparison failed: " + error.getMessage());
            done.completeExceptionally(error);
        } else {
            apply(compared.model(), compared.inputs());
            done.complete(compared.model());
        }
    }

    /**
     * Ends the comparison in progress (a model that never returns, or takes too long): the runs' worker process is
     * killed and replaced, the studio carries on.
     */
    public void stopComparing() {
        running.cancel();
    }

    /** A finished comparison, with the inputs both models ran on. */
    private record Compared(CompareViewModel model, String inputs) {
    }

    private void draw(GraphPane pane, ScriptModule m, String method) {
        if (m.hasMethod(method)) pane.show(m, method);
    }

    private void apply(CompareViewModel model, String inputs) {
        vm = model;
        differences.getItems().setAll(model.rows());
        firstDivergence.setDisable(model.firstDivergence().isEmpty());
        status.setText(model.summary() + "  \u00b7  inputs: " + inputs);
        left.canvas().redraw();
        right.canvas().redraw();
        model.diff().code().stream().filter(ClassCodeDiff::changed).findFirst().ifPresent(this::showCode);
    }

    /** Opens the first module whose outputs part in both graphs (fits both when it is the root itself). */
    public void goToFirstDivergence() {
        if (vm == null) return;
        vm.firstDivergence().ifPresent(path -> {
            boolean shown = openInBoth(path);
            if (path.isEmpty() || !shown) {
                left.canvas().fit();
                right.canvas().fit();
            }
        });
    }

    /** Opens module {@code path} in both graphs; true when at least one draws a call of it. */
    public boolean openInBoth(String path) {
        boolean l = left.openModule(path);
        boolean r = right.openModule(path);
        return l || r;
    }

    private void open(DiffRow row) {
        if (row == null) return;
        row.code().ifPresent(this::showCode);
        row.modulePath().filter(p -> !p.isEmpty()).ifPresent(this::openInBoth);
    }

    private void showCode(ClassCodeDiff c) {
        codeTitle.setText("code of " + c.title());
        codeDiff.getItems().setAll(c.lines());
    }

    private static final class CodeLineCell extends ListCell<LineDiff.Line> {
        @Override
        protected void updateItem(LineDiff.Line line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setText(null);
                setStyle("");
                return;
            }
            String sign = switch (line.op()) { case SAME -> "  "; case ADDED -> "+ "; case REMOVED -> "\u2212 "; };
            setText(sign + line.text());
            setStyle("-fx-font-family: monospace;" + switch (line.op()) {
                case SAME -> "";
                case ADDED -> "-fx-background-color: rgba(64,192,87,0.25);";
                case REMOVED -> "-fx-background-color: rgba(250,82,82,0.25);";
            });
        }
    }

    /** Dropping a .pt file on the right side compares the left model with it (this view owns the loaded model). */
    private void acceptDrops(VBox target) {
        target.setOnDragOver(e -> {
            if (moduleA != null && e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        target.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = moduleA != null && files != null && !files.isEmpty();
            if (ok) compareWithFile(files.get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * Compares {@code a} (shown on the left, owned by the caller) with the model in {@code file}, loaded off the FX
     * thread and owned by this view: File › Compare with….
     */
    public CompletableFuture<CompareViewModel> compareWithFile(String titleA, ScriptModule a, Path file, String method) {
        this.titleA = titleA;
        this.moduleA = a;
        this.method = method;
        leftTitle.setText(titleA + ": " + method);
        draw(left, a, method);
        return compareWithFile(file);
    }

    /** Loads {@code file} off the FX thread and compares the left model with it; the view owns it. */
    public CompletableFuture<CompareViewModel> compareWithFile(Path file) {
        CompletableFuture<CompareViewModel> done = new CompletableFuture<>();
        if (moduleA == null) {
            done.completeExceptionally(new IllegalStateException("nothing to compare with: no model on the left"));
            return done;
        }
        status.setText("Opening " + file.getFileName() + "\u2026");
        ScriptModule a = moduleA;
        runner.submit(Lane.ENGINE, c -> Jit.load(file)).result().whenComplete((b, error) -> {
            if (error != null) {
                status.setText("Cannot open " + file.getFileName() + ": " + error.getMessage());
                done.completeExceptionally(error);
                return;
            }
            own(b);
            if (closed) {
                done.cancel(false);
                return;
            }
            relay(compare(titleA, a, file.getFileName().toString(), b, method), done);
        });
        return done;
    }

    private static <T> void relay(CompletableFuture<T> from, CompletableFuture<T> to) {
        from.whenComplete((value, error) -> {
            if (error != null) to.completeExceptionally(error);
            else to.complete(value);
        });
    }

    /** What the right side shows: the module frozen, or frozen and optimized for inference. */
    public enum Transform {
        FREEZE("freeze"), OPTIMIZE_FOR_INFERENCE("optimize_for_inference");

        private final String label;

        Transform(String label) {
            this.label = label;
        }
    }

    /**
     * Compares {@code module} with the module transformed (which inlines everything, slow on very large models): the
     * transformation runs off the FX thread; the future completes once both sides are shown and compared. The
     * transformed module is owned here.
     */
    public CompletableFuture<CompareViewModel> showTransformed(ScriptModule module, String method, Transform transform) {
        left.show(module, method);
        leftTitle.setText("original: " + method);
        rightTitle.setText(transform.label + ": working\u2026");
        CompletableFuture<CompareViewModel> done = new CompletableFuture<>();
        runner.submit(Lane.ENGINE, c -> transform == Transform.FREEZE ? module.freeze() : module.optimizeForInference())
                .result().whenComplete((changed, error) -> {
                    if (error != null) {
                        rightTitle.setText(transform.label + " failed: " + error.getMessage());
                        done.completeExceptionally(error);
                        return;
                    }
                    own(changed);
                    if (closed) {
                        done.cancel(false);
                        return;
                    }
                    relay(compare("original", module, transform.label, changed, method), done);
                });
        return done;
    }

    /** Hands {@code module} to this view: closed with it, or at once when the view is already closed. */
    public void own(ScriptModule module) {
        if (closed) {
            // a load or transform that finished after the window closed: nobody else will free it
            module.close();
            return;
        }
        owned.add(module);
    }

    /** Stops a comparison in progress and frees the modules this view owns (when the compare window closes). */
    public void close() {
        closed = true;
        running.cancel();
        left.close();
        right.close();
        owned.forEach(ScriptModule::close);
        owned.clear();
    }

    public Optional<CompareViewModel> viewModel() {
        return Optional.ofNullable(vm);
    }

    public GraphPane left() {
        return left;
    }

    public GraphPane right() {
        return right;
    }
}
