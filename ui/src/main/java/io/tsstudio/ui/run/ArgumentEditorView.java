package io.tsstudio.ui.run;

import io.tsstudio.engine.DType;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;

/** The input editor: one row per argument, with the widget its declared type calls for and its validation message. */
final class ArgumentEditorView extends GridPane {
    ArgumentEditorView(List<ArgumentInput> arguments) {
        setHgap(8);
        setVgap(4);
        getStyleClass().add("argument-editor");
        setId("argumentEditor");
        if (arguments instanceof javafx.collections.ObservableList<ArgumentInput> obs) {
            obs.addListener((ListChangeListener<ArgumentInput>) c -> rebuild(obs));
        }
        rebuild(arguments);
    }

    private void rebuild(List<ArgumentInput> arguments) {
        getChildren().clear();
        if (arguments.isEmpty()) {
            Label none = new Label("This method takes no arguments.");
            none.getStyleClass().add("run-note");
            add(none, 0, 0, 3, 1);
            return;
        }
        int row = 0;
        for (ArgumentInput a : arguments) {
            Label name = new Label(a.name());
            name.getStyleClass().add("run-key");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label type = new Label(a.type());
            type.getStyleClass().add("run-type");
            type.setMinWidth(Region.USE_PREF_SIZE);
            Node editor = editorFor(a);
            HBox.setHgrow(editor, Priority.ALWAYS);
            GridPane.setHgrow(editor, Priority.ALWAYS);
            add(name, 0, row);
            add(type, 1, row);
            add(editor, 2, row);
            Label error = new Label();
            error.getStyleClass().add("run-error");
            error.setId("arg-" + a.name() + "-error");
            error.textProperty().bind(Bindings.createStringBinding(() -> a.errorProperty().get() == null ? "" : a.errorProperty().get(), a.errorProperty()));
            error.managedProperty().bind(a.errorProperty().isNotNull());
            error.visibleProperty().bind(a.errorProperty().isNotNull());
            error.setWrapText(true);
            add(error, 2, ++row);
            Label source = new Label();
            source.getStyleClass().add("run-source");
            source.setId("arg-" + a.name() + "-source");
            source.setWrapText(true);
            source.textProperty().bind(Bindings.createStringBinding(() -> a.sourceProperty().get().isEmpty() ? "" : "from " + a.sourceProperty().get(), a.sourceProperty()));
            source.managedProperty().bind(a.sourceProperty().isNotEmpty());
            source.visibleProperty().bind(a.sourceProperty().isNotEmpty());
            // Across the whole row and at its full height: a wrapped label in one narrow column overflowed its row
            // (the grid reserved one line), and the arguments' scroll pane cut it off.
            source.setMinHeight(Region.USE_PREF_SIZE);
            add(source, 0, ++row, 3, 1);
            row++;
        }
    }

    private Node editorFor(ArgumentInput a) {
        String id = "arg-" + a.name();
        switch (a.kind()) {
            case BOOL -> {
                CheckBox box = new CheckBox();
                box.setId(id);
                box.selectedProperty().bindBidirectional(a.boolProperty());
                return box;
            }
            case TENSOR -> {
                return tensorEditor(a, id);
            }
            default -> {
                TextField field = new TextField();
                field.setId(id);
                field.textProperty().bindBidirectional(a.textProperty());
                field.setPromptText(a.kind() == ArgumentInput.Kind.JSON ? "JSON, e.g. " + example(a.type()) : a.type());
                if (a.kind() == ArgumentInput.Kind.JSON) field.getStyleClass().add("json-field");
                markInvalid(field, a);
                return field;
            }
        }
    }

    private Node tensorEditor(ArgumentInput a, String id) {
        TextField shape = new TextField();
        shape.setId(id + "-shape");
        shape.setPromptText("shape, e.g. 3, 4");
        // Wide enough for an image batch ("1, 3, 224, 224") and growing with longer shapes, so no size is hidden.
        shape.prefColumnCountProperty().bind(Bindings.createIntegerBinding(() -> Math.max(11, a.shapeProperty().get().length() + 1), a.shapeProperty()));
        shape.setMinWidth(Region.USE_PREF_SIZE);
        shape.textProperty().bindBidirectional(a.shapeProperty());
        markInvalid(shape, a);
        ComboBox<DType> dtype = new ComboBox<>();
        dtype.getItems().setAll(DType.FLOAT32, DType.FLOAT64, DType.FLOAT16, DType.BFLOAT16, DType.INT64, DType.INT32, DType.INT16,
                DType.INT8, DType.UINT8, DType.BOOL);
        dtype.setId(id + "-dtype");
        dtype.valueProperty().bindBidirectional(a.dtypeProperty());
        ComboBox<ArgumentInput.Fill> fill = new ComboBox<>();
        fill.getItems().setAll(ArgumentInput.Fill.values());
        fill.setId(id + "-fill");
        fill.valueProperty().bindBidirectional(a.fillProperty());
        fill.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ArgumentInput.Fill f) {
                return f == null ? "" : f == ArgumentInput.Fill.FILE ? "from file" : f.jsonName();
            }

            @Override
            public ArgumentInput.Fill fromString(String s) {
                return null;
            }
        });
        TextField file = new TextField();
        file.setId(id + "-file");
        file.setPromptText(".pt or .npy file");
        file.textProperty().bindBidirectional(a.fileProperty());
        Button browse = new Button("…");
        browse.setTooltip(new Tooltip("Choose a .pt or .npy file"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tensor files", "*.pt", "*.npy"));
            File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) a.fileProperty().set(f.getAbsolutePath());
        });
        var fromFile = a.fillProperty().isEqualTo(ArgumentInput.Fill.FILE);
        for (Node n : new Node[] {file, browse}) {
            n.visibleProperty().bind(fromFile);
            n.managedProperty().bind(fromFile);
        }
        for (Node n : new Node[] {shape, dtype}) {
            n.visibleProperty().bind(fromFile.not());
            n.managedProperty().bind(fromFile.not());
        }
        file.setPrefColumnCount(18);
        // Wraps in a narrow dock rather than squeezing the fields.
        FlowPane box = new FlowPane(6, 4, fill, shape, dtype, file, browse);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static void markInvalid(Node field, ArgumentInput a) {
        a.errorProperty().addListener((o, was, now) -> field.pseudoClassStateChanged(INVALID, now != null));
        field.pseudoClassStateChanged(INVALID, a.errorProperty().get() != null);
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private static String example(String type) {
        if (type.startsWith("List[int]")) return "[1, 2, 3]";
        if (type.startsWith("List")) return "[...]";
        if (type.startsWith("Tuple")) return "[a, b]";
        if (type.startsWith("Dict")) return "{\"key\": value}";
        if (type.startsWith("Optional")) return "null";
        return "a value";
    }
}
