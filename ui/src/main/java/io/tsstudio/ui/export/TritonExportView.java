package io.tsstudio.ui.export;

import io.tsstudio.engine.DType;
import io.tsstudio.ui.export.TritonExportViewModel.Flag;
import io.tsstudio.ui.export.TritonExportViewModel.Instances;
import io.tsstudio.ui.export.TritonExportViewModel.IoRow;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;

/** The Triton export dialog's content: the form on the left, the config preview and the files on the right. */
public final class TritonExportView extends BorderPane {
    private final TritonExportViewModel vm;

    public TritonExportView(TritonExportViewModel vm) {
        this.vm = vm;
        setId("tritonExport");
        setPadding(new Insets(12));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.getColumnConstraints().addAll(new ColumnConstraints(), columnThatGrows());
        int row = 0;
        TextField repo = field("tritonRepository", vm.repositoryProperty());
        Button browse = new Button("Browse\u2026");
        browse.setOnAction(e -> chooseRepository());
        HBox repoBox = new HBox(6, repo, browse);
        HBox.setHgrow(repo, Priority.ALWAYS);
        form.addRow(row++, new Label("Repository folder"), repoBox);
        form.addRow(row++, new Label("Model name"), field("tritonName", vm.nameProperty()));

        Spinner<Integer> batch = new Spinner<>(0, 1 << 20, vm.maxBatchSizeProperty().get());
        batch.setId("tritonMaxBatch");
        batch.setEditable(true);
        batch.valueProperty().addListener((o, a, b) -> vm.maxBatchSizeProperty().set(b == null ? 0 : b));
        CheckBox dynamic = new CheckBox("Dynamic batching");
        dynamic.setId("tritonDynamicBatching");
        dynamic.selectedProperty().bindBidirectional(vm.dynamicBatchingProperty());
        dynamic.disableProperty().bind(vm.maxBatchSizeProperty().isEqualTo(0));
        form.addRow(row++, new Label("Max batch size"), new HBox(10, batch, dynamic));

        ChoiceBox<Instances> instances = new ChoiceBox<>();
        instances.setId("tritonInstances");
        instances.getItems().setAll(Instances.values());
        instances.valueProperty().bindBidirectional(vm.instancesProperty());
        Spinner<Integer> count = new Spinner<>(1, 64, vm.instanceCountProperty().get());
        count.setId("tritonInstanceCount");
        count.valueProperty().addListener((o, a, b) -> vm.instanceCountProperty().set(b == null ? 1 : b));
        count.disableProperty().bind(vm.instancesProperty().isEqualTo(Instances.DEFAULT));
        form.addRow(row++, new Label("Instances"), new HBox(10, instances, new Label("count"), count));

        ChoiceBox<Flag> inference = new ChoiceBox<>();
        inference.getItems().setAll(Flag.values());
        inference.valueProperty().bindBidirectional(vm.inferenceModeProperty());
        CheckBox noOpt = new CheckBox("Disable optimized execution");
        noOpt.selectedProperty().bindBidirectional(vm.disableOptimizedExecutionProperty());
        form.addRow(row++, new Label("Inference mode"), new HBox(10, inference, noOpt));
        TextField intra = field("tritonIntraThreads", vm.intraOpThreadsProperty());
        TextField inter = field("tritonInterThreads", vm.interOpThreadsProperty());
        intra.setPromptText("default");
        inter.setPromptText("default");
        intra.setPrefColumnCount(5);
        inter.setPrefColumnCount(5);
        form.addRow(row++, new Label("Threads"), new HBox(6, new Label("intra-op"), intra, new Label("inter-op"), inter));

        TableView<IoRow> table = new TableView<>(vm.rows());
        table.setId("tritonRows");
        table.setEditable(true);
        table.setPrefHeight(170);
        TableColumn<IoRow, String> nameCol = new TableColumn<>("Name");
        nameCol.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name() + (c.getValue().isInput() ? "" : "  (output)")));
        nameCol.setEditable(false);
        nameCol.setPrefWidth(150);
        TableColumn<IoRow, DType> typeCol = new TableColumn<>("Data type");
        typeCol.setCellValueFactory(c -> c.getValue().dtypeProperty());
        typeCol.setCellFactory(ChoiceBoxTableCell.forTableColumn(DType.values()));
        typeCol.setPrefWidth(100);
        TableColumn<IoRow, String> dimsCol = new TableColumn<>("Dims (-1 dynamic; without batch)");
        dimsCol.setCellValueFactory(c -> c.getValue().dimsProperty());
        dimsCol.setCellFactory(TextFieldTableCell.forTableColumn());
        dimsCol.setPrefWidth(230);
        table.getColumns().addAll(java.util.List.of(nameCol, typeCol, dimsCol));

        Label error = new Label();
        error.setId("tritonError");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.setStyle("-fx-text-fill: #d32f2f;");

        VBox left = new VBox(10, form, new Label("Inputs and outputs"), table, error);
        left.setPrefWidth(520);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextArea preview = readOnly("tritonPreview", 18);
        preview.textProperty().bind(vm.previewProperty());
        TextArea filesText = readOnly("tritonFiles", 4);
        filesText.textProperty().bind(vm.filesProperty());
        TextArea status = readOnly("tritonStatus", 6);
        status.textProperty().bind(vm.statusProperty());
        VBox right = new VBox(6, new Label("config.pbtxt"), preview, new Label("Will write"), filesText, status);
        VBox.setVgrow(preview, Priority.ALWAYS);
        right.setPrefWidth(460);

        Button export = new Button("Export");
        export.setId("tritonExportButton");
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.canExportProperty().not());
        export.setOnAction(e -> vm.export());
        Button close = new Button("Close");
        close.setId("tritonClose");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() instanceof Stage s) s.close();
        });
        HBox buttons = new HBox(8, export, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 0, 0, 0));

        HBox columns = new HBox(14, left, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        setCenter(columns);
        setBottom(buttons);
    }

    public TritonExportViewModel viewModel() {
        return vm;
    }

    /** Opens the dialog over {@code owner} (not modal to the studio's work: it blocks only its owner) and plans once. */
    public static Stage show(Window owner, TritonExportViewModel vm) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        showIn(stage, vm);
        if (owner != null && owner.getScene() != null) stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        return stage;
    }

    /** Fills {@code stage} with the dialog, shows it and plans once (TestFX tests pass their own stage). */
    public static void showIn(Stage stage, TritonExportViewModel vm) {
        stage.setTitle("Export Triton Model Repository");
        stage.setScene(new Scene(new TritonExportView(vm), 1040, 620));
        stage.show();
        vm.refresh();
    }

    private void chooseRepository() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Triton model repository");
        File current = new File(vm.repositoryProperty().get());
        File existing = current.isDirectory() ? current : current.getParentFile();
        if (existing != null && existing.isDirectory()) chooser.setInitialDirectory(existing);
        File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) vm.repositoryProperty().set(chosen.getAbsolutePath());
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static TextArea readOnly(String id, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setPrefRowCount(rows);
        a.setStyle("-fx-font-family: monospace;");
        return a;
    }

    private static ColumnConstraints columnThatGrows() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }
}
