package io.tsstudio.ui.run;

import io.tsstudio.engine.MethodInfo;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The run panel: device and method pickers, the schema-driven input editor, Run / Benchmark / Cancel with
 * progress, and the outputs and benchmark results. A thin view over {@link RunPanelViewModel}; put it in any
 * container and call {@link #setModel(Path)} when a model file is opened.
 */
public final class RunPanelView extends BorderPane {
    /** Below this width the panel lays itself out for a narrow dock. */
    static final double NARROW = 640;

    private final RunPanelViewModel model;
    private final OutputsView outputs = new OutputsView();
    private final TabPane results;
    private final Tab outTab;

    public RunPanelView(RunPanelViewModel model) {
        this.model = model;
        getStyleClass().add("run-panel");
        getStylesheets().add(Objects.requireNonNull(RunPanelView.class.getResource("run-panel.css")).toExternalForm());
        setId("runPanel");

        ComboBox<String> device = new ComboBox<>(model.devices());
        device.setId("deviceBox");
        device.valueProperty().bindBidirectional(model.deviceProperty());
        device.disableProperty().bind(model.busyProperty());
        ComboBox<MethodInfo> method = new ComboBox<>(model.methods());
        method.setId("methodBox");
        method.valueProperty().bindBidirectional(model.methodProperty());
        method.disableProperty().bind(model.busyProperty());
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(MethodInfo m) {
                return m == null ? "" : m.name();
            }

            @Override
            public MethodInfo fromString(String s) {
                return null;
            }
        });
        Label modelName = new Label();
        modelName.setId("modelName");
        modelName.getStyleClass().add("run-model");
        modelName.setMinWidth(Region.USE_PREF_SIZE);
        modelName.textProperty().bind(Bindings.createStringBinding(
                () -> model.modelFileProperty().get() == null ? "no model" : model.modelFileProperty().get().getFileName().toString(),
                model.modelFileProperty()));
        Label schema = new Label();
        schema.setId("schemaLabel");
        schema.getStyleClass().add("run-schema");
        schema.textProperty().bind(Bindings.createStringBinding(
                () -> model.methodProperty().get() == null ? "" : model.methodProperty().get().schema(), model.methodProperty()));
        // Flow panes wrap instead of truncating when the panel sits in a narrow dock.
        FlowPane pickers = new FlowPane(8, 6, modelName, labelled("Device", device), labelled("Method", method));
        pickers.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label();
        note.setId("deviceNote");
        note.getStyleClass().add("run-note");
        note.setWrapText(true);
        // In a narrow dock the note shrinks to one line; the whole of it stays in the tooltip.
        note.textProperty().bind(Bindings.createStringBinding(() -> {
            String full = model.deviceNoteProperty().get();
            return full == null || widthProperty().get() >= NARROW ? full : "CPU only: hover for the GPU build.";
        }, model.deviceNoteProperty(), widthProperty()));
        Tooltip noteTip = new Tooltip();
        noteTip.textProperty().bind(model.deviceNoteProperty());
        noteTip.setWrapText(true);
        noteTip.setMaxWidth(420);
        note.setTooltip(noteTip);
        note.managedProperty().bind(model.deviceNoteProperty().isNotNull());
        note.visibleProperty().bind(model.deviceNoteProperty().isNotNull());

        ArgumentEditorView editor = new ArgumentEditorView(model.arguments());
        ScrollPane inputs = new ScrollPane(editor);
        inputs.setFitToWidth(true);
        // As tall as the arguments need, up to a limit; beyond it the inputs scroll.
        inputs.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(editor.getHeight() + 2, 220), editor.heightProperty()));
        inputs.setMinViewportHeight(24);
        // A height wanted during a layout pass (a proposal's "where from" line arriving) is only taken up by the
        // next pass: ask for it, or the new line stays cut off until something else relayouts the panel.
        inputs.prefViewportHeightProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(this::requestLayout));
        inputs.getStyleClass().add("run-inputs");

        VBox top = new VBox(6, pickers, schema, note, inputs, actions(), status());
        top.setPadding(new Insets(8, 8, 4, 8));

        outTab = new Tab("Outputs", new VBox(4, outputToolbar(), grow(outputs)));
        outTab.setId("outputsTab");
        Tab benchTab = new Tab("Benchmark", new BenchmarkView(model.benchmarks()));
        benchTab.setId("benchmarkTab");
        results = new TabPane(outTab, benchTab);
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        results.setPadding(new Insets(0, 8, 8, 8));
        setTop(top);
        setCenter(results);

        model.outcomeProperty().addListener((o, was, now) -> {
            outputs.show(now == null ? null : now.output());
            // a benchmark's row, added right after its outcome, moves on to the Benchmark tab
            if (now != null) results.getSelectionModel().select(outTab);
        });
        model.benchmarks().addListener((javafx.collections.ListChangeListener<BenchmarkResult>) c -> {
            while (c.next()) if (c.wasAdded()) results.getSelectionModel().select(benchTab);
        });
    }

    /** Adds a tab beside Outputs and Benchmark (the observed value, hot spots, the debugger). */
    public void addResultTab(Tab tab) {
        results.getTabs().add(tab);
    }

    public void selectResultTab(Tab tab) {
        results.getSelectionModel().select(tab);
    }

    /** Opens {@code modelFile} in the panel (loads it in the worker on the chosen device). */
    public void setModel(Path modelFile) {
        model.setModel(modelFile);
    }

    public RunPanelViewModel viewModel() {
        return model;
    }

    private FlowPane actions() {
        Button run = new Button("Run");
        run.setId("runButton");
        run.setDefaultButton(true);
        run.setOnAction(e -> model.run());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not());
        ToggleButton bench = new ToggleButton("Benchmark ▸");
        bench.setId("benchmarkToggle");
        bench.selectedProperty().bindBidirectional(model.benchmarkModeProperty());
        Spinner<Integer> warmup = spinner(0, 100_000, "warmupSpinner");
        twoWay(warmup.getValueFactory().valueProperty(), model.warmupProperty());
        Spinner<Integer> iterations = spinner(1, 1_000_000, "iterationsSpinner");
        twoWay(iterations.getValueFactory().valueProperty(), model.iterationsProperty());
        ChoiceBox<Integer> callers = new ChoiceBox<>();
        callers.getItems().setAll(RunPanelViewModel.CONCURRENCY_CHOICES);
        callers.setId("callersBox");
        twoWay(callers.valueProperty(), model.concurrencyProperty());
        callers.setTooltip(new Tooltip("Concurrent callers on the same module"));
        Button go = new Button("Benchmark");
        go.setId("benchmarkButton");
        go.setOnAction(e -> model.benchmark());
        FlowPane benchControls = new FlowPane(8, 6, labelled("warmup", warmup), labelled("iterations", iterations), labelled("callers", callers), go);
        benchControls.setAlignment(Pos.CENTER_LEFT);
        benchControls.visibleProperty().bind(model.benchmarkModeProperty());
        benchControls.managedProperty().bind(model.benchmarkModeProperty());
        for (var n : List.of(run, go, bench)) n.disableProperty().bind(model.busyProperty().or(model.methodProperty().isNull()));
        javafx.scene.control.CheckBox observe = new javafx.scene.control.CheckBox("Observe");
        observe.setId("observeToggle");
        observe.selectedProperty().bindBidirectional(model.observeProperty());
        observe.setTooltip(new Tooltip("Run node by node: shapes and time on the graph, every value on a click"));
        observe.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, run, cancel, bench, observe);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane box = new FlowPane(8, 6, buttons, benchControls);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Keeps a control's boxed value and a view model's int property equal, starting from the view model's. */
    private static void twoWay(javafx.beans.property.ObjectProperty<Integer> control, javafx.beans.property.IntegerProperty model) {
        control.set(model.get());
        control.addListener((o, a, b) -> {
            if (b != null && b != model.get()) model.set(b);
        });
        model.addListener((o, a, b) -> {
            if (!Objects.equals(control.get(), b.intValue())) control.set(b.intValue());
        });
    }

    /** A caption and its control that stay together when a flow pane wraps; the caption never truncates. */
    private static HBox labelled(String caption, javafx.scene.Node control) {
        Label l = new Label(caption);
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(4, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Spinner<Integer> spinner(int min, int max, String id) {
        Spinner<Integer> s = new Spinner<>(min, max, min);
        s.setEditable(true);
        s.setPrefWidth(90);
        s.setId(id);
        return s;
    }

    private VBox status() {
        ProgressBar progress = new ProgressBar();
        progress.setId("runProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        progress.setPrefWidth(140);
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(model.statusProperty());
        HBox line = new HBox(8, progress, status);
        line.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("errorLabel");
        error.getStyleClass().add("run-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotNull());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        return new VBox(2, line, error);
    }

    private FlowPane outputToolbar() {
        Button copy = new Button("Copy JSON");
        copy.setTooltip(new Tooltip("Copy the output as tsstudio run --json prints it"));
        copy.setId("copyJsonButton");
        copy.setOnAction(e -> {
            String json = model.outputJson();
            if (json == null) return;
            ClipboardContent c = new ClipboardContent();
            c.putString(json);
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button savePt = new Button("Save .pt…");
        savePt.setId("savePtButton");
        savePt.setOnAction(e -> save("pt"));
        savePt.setTooltip(new Tooltip("Save the selected output (all of it at the root) as torch.save does"));
        Button saveNpy = new Button("Save .npy…");
        saveNpy.setTooltip(new Tooltip("Save the tensor selected in the outputs tree as a NumPy file"));
        saveNpy.setId("saveNpyButton");
        saveNpy.setOnAction(e -> save("npy"));
        var noOutput = model.outcomeProperty().isNull();
        for (var b : List.of(copy, savePt, saveNpy)) b.disableProperty().bind(noOutput.or(model.busyProperty()));
        FlowPane bar = new FlowPane(6, 4, copy, savePt, saveNpy);
        bar.setPadding(new Insets(4, 0, 0, 0));
        return bar;
    }

    private void save(String ext) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.equals("pt") ? "TorchScript/PyTorch file" : "NumPy array", "*." + ext));
        chooser.setInitialFileName("output." + ext);
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        model.saveOutput(outputs.selectedPath(), f.toPath());
    }

    private static <T extends javafx.scene.Node> T grow(T node) {
        VBox.setVgrow(node, Priority.ALWAYS);
        return node;
    }

    /** Runs on the FX thread: the executor view models need in the app. */
    public static java.util.concurrent.Executor fxExecutor() {
        return r -> {
            if (Platform.isFxApplicationThread()) r.run();
            else Platform.runLater(r);
        };
    }
}
