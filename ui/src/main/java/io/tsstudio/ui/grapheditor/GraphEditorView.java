package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.ModelFiles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import java.io.File;

import java.util.List;
import java.util.Optional;

/**
 * The graph editor: palette (search, then drag an entry onto the canvas), canvas, properties of the selected block,
 * the generated TorchScript, and actions. Thin: every action is a view-model call.
 */
public class GraphEditorView extends BorderPane {
    private final GraphEditorViewModel vm;
    private final EditorCanvas canvas;
    // A clear button (ControlsFX) empties the search in one click.
    private final TextField search = org.controlsfx.control.textfield.TextFields.createClearableTextField();
    private final ListView<PaletteEntry> paletteList = new ListView<>();
    private final BlockPropertiesView properties;
    private final TextArea code = new TextArea();
    private final Label status = new Label();
    private final ToolBar toolbar = new ToolBar();
    private final TabPane tabs = new TabPane();
    private final TextArea output = new TextArea();
    private final Label emptyHint = new Label(EMPTY_HINT);
    private boolean codeEdited;
    private PaletteEntry dragging;

    /** What an empty canvas says. */
    public static final String EMPTY_HINT = "Empty graph. Drag a block from the palette onto the canvas, or double-click "
            + "an entry (or select it and press Enter) to add it here. Start with an Input, end with an Output, and "
            + "connect ports by dragging from one to the other.";

    public GraphEditorView(GraphEditorViewModel vm) {
        this.vm = vm;
        this.canvas = new EditorCanvas(vm);
        PauseTransition codeDebounce = new PauseTransition(Duration.millis(120));
        vm.setCodeScheduler(r -> {
            codeDebounce.setOnFinished(e -> r.run());
            codeDebounce.playFromStart();
        });
        canvas.setId("graphEditorCanvas");
        getStyleClass().add("graph-editor");

        search.setPromptText("Search modules and operators");
        search.setId("paletteSearch");
        search.textProperty().addListener((o, a, q) -> paletteList.getItems().setAll(vm.searchPalette(q)));
        paletteList.setId("palette");
        paletteList.getItems().setAll(vm.searchPalette(""));
        paletteList.setCellFactory(l -> new PaletteCell());
        VBox paletteBox = new VBox(6, new Label("Palette (" + vm.palette().size() + ")"), search, paletteList);
        VBox.setVgrow(paletteList, Priority.ALWAYS);
        paletteBox.setPadding(new Insets(6));
        paletteBox.setMinWidth(200);

        properties = new BlockPropertiesView(vm);
        ScrollPane propScroll = new ScrollPane(properties);
        propScroll.setFitToWidth(true);
        propScroll.setFitToHeight(true);

        code.setId("generatedCode");
        code.setFont(Font.font("Monospaced", 12));
        code.setText(vm.codeProperty().get());
        // the code follows the graph until the person edits it; "Apply code" sends edits back into the graph
        vm.codeProperty().addListener((o, a, text) -> {
            if (!codeEdited) code.setText(text);
        });
        code.textProperty().addListener((o, a, text) -> codeEdited = !text.equals(vm.codeProperty().get()));
        Button apply = button("Apply code to graph", "applyCodeButton", () -> vm.applyCode(code.getText()).thenAccept(problems -> {
            // only code that reached the graph gives way to the graph's code; a compile error or a refusal (the graph
            // changed meanwhile) keeps the person's text
            String outcome = vm.statusProperty().get();
            if (!outcome.startsWith("Code applied") && !outcome.startsWith("Code compiled")) return;
            codeEdited = false;
            code.setText(vm.codeProperty().get());
        }));
        Button revert = button("Revert", "revertCodeButton", () -> {
            codeEdited = false;
            code.setText(vm.codeProperty().get());
        });
        VBox codeBox = new VBox(4, code, new ToolBar(apply, revert));
        VBox.setVgrow(code, Priority.ALWAYS);

        output.setId("runOutput");
        output.setEditable(false);
        output.setFont(Font.font("Monospaced", 12));
        output.textProperty().bind(vm.resultProperty());
        TextArea ir = new TextArea();
        ir.setId("resultIr");
        ir.setEditable(false);
        ir.setFont(Font.font("Monospaced", 11));
        ir.textProperty().bind(vm.resultIrProperty());
        SplitPane resultBox = new SplitPane(output, ir);
        resultBox.setOrientation(Orientation.VERTICAL);

        tabs.getTabs().add(closed(new Tab("Properties", propScroll)));
        tabs.getTabs().add(closed(new Tab("Code", codeBox)));
        tabs.getTabs().add(closed(new Tab("Result", resultBox)));
        tabs.setId("editorTabs");

        emptyHint.setId("emptyCanvasHint");
        emptyHint.getStyleClass().add("graph-editor-hint");
        emptyHint.setWrapText(true);
        emptyHint.setMaxWidth(360);
        emptyHint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        // Light text on the canvas's own dark background, whatever the theme.
        emptyHint.setStyle("-fx-text-fill: #c8ccd4; -fx-font-size: 13px;");
        emptyHint.setMouseTransparent(true);
        StackPane canvasArea = new StackPane(canvas, emptyHint);
        vm.addRepaintListener(this::updateEmptyHint);
        updateEmptyHint();

        SplitPane split = new SplitPane(paletteBox, canvasArea, tabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.15, 0.74);
        SplitPane.setResizableWithParent(paletteBox, false);
        setCenter(split);

        // most used first: a narrow tab overflows the tail of the toolbar into its menu
        Button compile = button("Compile", "compileButton", vm::compile);
        Button trace = button("Trace", "traceButton", vm::trace);
        Button run = button("Run", "runButton", () -> vm.runExample().thenAccept(ran -> {
            if (ran) tabs.getSelectionModel().select(2);
        }));
        for (Button b : List.of(compile, trace, run)) b.disableProperty().bind(vm.busyProperty());
        toolbar.getItems().addAll(compile, trace, run, new Separator(),
                button("Undo", "undoButton", vm::undo), button("Redo", "redoButton", vm::redo), new Separator(),
                button("Auto layout", "layoutButton", () -> vm.autoLayout().thenAccept(moved -> {
                    if (moved) canvas.fit();
                })), button("Fit", "fitButton", canvas::fit), new Separator(),
                button("Copy", "copyButton", vm::copySelection), button("Paste", "pasteButton", vm::paste),
                button("Delete", "deleteButton", vm::deleteSelection), new Separator(),
                button("Open .pt…", "openButton", this::openFile), button("Save .pt…", "saveButton", this::saveFile));
        setTop(toolbar);

        status.setId("editorStatus");
        status.textProperty().bind(vm.statusProperty());
        vm.statusIsErrorProperty().addListener((o, a, err) -> status.setStyle(err ? "-fx-text-fill: #c0392b;" : ""));
        status.setPadding(new Insets(3, 6, 3, 6));
        setBottom(status);

        vm.addRepaintListener(this::refreshProperties);
        installPaletteDrag();
    }

    private void openFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a TorchScript model as a graph");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("TorchScript",
                        ModelFiles.MODEL_EXTENSIONS.stream().map(e -> "*." + e).toList()),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) vm.open(f.toPath()).thenAccept(unmapped -> canvas.fit());
    }

    /** Completes (on the FX thread) with whether the document was saved; the save itself runs off the FX thread. */
    private java.util.concurrent.CompletableFuture<Boolean> saveFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the model as TorchScript");
        fc.setInitialFileName(vm.document().title() + ".pt");
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? java.util.concurrent.CompletableFuture.completedFuture(false) : vm.save(f.toPath());
    }

    /**
     * Asks what to do with unsaved changes before the tab closes: save as .pt (true once saved), discard (true), or
     * cancel (false). Completes on the FX thread; a save completes when it is written (off the FX thread).
     */
    public java.util.concurrent.CompletableFuture<Boolean> confirmDiscardOrSave() {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        if (getScene() != null) a.initOwner(getScene().getWindow());
        a.setTitle("Unsaved changes");
        a.setHeaderText(vm.displayName() + " has unsaved changes");
        a.setContentText("Save it as a .pt file (the graph is kept inside), or discard the changes?");
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType("Save\u2026", javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Discard", javafx.scene.control.ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(save, discard, javafx.scene.control.ButtonType.CANCEL);
        javafx.scene.control.ButtonType r = a.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL);
        if (r == save) return saveFile();
        return java.util.concurrent.CompletableFuture.completedFuture(r == discard);
    }

    /**
     * Adds an "Open in Studio" action that hands the compiled model (a temporary .pt) to {@code opener}, e.g. the main
     * window, which shows it in its graph view and run panel.
     */
    public void setOpenInStudio(java.util.function.Consumer<java.nio.file.Path> opener) {
        // right after Run, so it stays visible when the tab is narrow and the toolbar overflows
        int after = toolbar.getItems().indexOf(toolbar.getItems().stream().filter(n -> "runButton".equals(n.getId())).findFirst().orElse(null));
        toolbar.getItems().add(after + 1, button("Open in Studio", "openInStudioButton", () -> vm.exportToTemp().thenAccept(f -> f.ifPresent(opener))));
    }

    public GraphEditorViewModel viewModel() {
        return vm;
    }

    public EditorCanvas canvas() {
        return canvas;
    }

    public ToolBar toolbar() {
        return toolbar;
    }

    public TabPane tabs() {
        return tabs;
    }

    public TextArea codeArea() {
        return code;
    }

    protected static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Tab closed(Tab t) {
        t.setClosable(false);
        return t;
    }

    // Palette drag is a press-drag-release gesture rather than platform drag-and-drop: it behaves the same on every
    // platform and under the headless test robot. The pressed cell keeps the mouse grab, so the release arrives
    // here with scene coordinates we map onto the canvas.
    // The entry is the one under the press, read from the pressed cell: this filter runs before the list selects
    // that cell, so the selection still holds the entry pressed before (the bug where a drag dropped it).
    private void installPaletteDrag() {
        paletteList.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> dragging = e.getButton() == MouseButton.PRIMARY ? entryUnder(e) : null);
        paletteList.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                PaletteEntry entry = entryUnder(e);
                if (entry != null) addAtCentre(entry);
            }
        });
        paletteList.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            PaletteEntry entry = paletteList.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && entry != null) {
                addAtCentre(entry);
                e.consume();
            }
        });
        // Enter in the search box adds the first (best) match, so search-then-Enter builds without the mouse.
        search.setOnAction(e -> {
            PaletteEntry entry = paletteList.getSelectionModel().getSelectedItem();
            if (entry == null && !paletteList.getItems().isEmpty()) entry = paletteList.getItems().get(0);
            if (entry != null) addAtCentre(entry);
        });
        paletteList.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            PaletteEntry entry = dragging;
            dragging = null;
            if (entry == null) return;
            Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (local == null || !canvas.getLayoutBounds().contains(local)) return;
            Point2D d = canvas.toDocument(local.getX(), local.getY());
            vm.drop(entry, Math.round(d.getX() - BlockGeometry.WIDTH / 2), Math.round(d.getY() - BlockGeometry.HEADER / 2));
            canvas.requestFocus();
        });
    }

    private static PaletteEntry entryUnder(MouseEvent e) {
        for (javafx.scene.Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n instanceof PaletteCell c) return c.isEmpty() ? null : c.getItem();
        }
        return null;
    }

    /** Adds the entry's block in the middle of what the canvas shows, a step aside when a block already sits there. */
    public void addAtCentre(PaletteEntry entry) {
        Point2D centre = canvas.toDocument(canvas.getWidth() / 2, canvas.getHeight() / 2);
        double x = Math.round(centre.getX() - BlockGeometry.WIDTH / 2), y = Math.round(centre.getY() - BlockGeometry.HEADER / 2);
        for (int i = 0; i < 20 && vm.blockAt(x + 4, y + 4).isPresent(); i++) {
            x += 30;
            y += 30;
        }
        vm.drop(entry, x, y);
        canvas.requestFocus();
    }

    private void updateEmptyHint() {
        boolean empty = vm.document().size() == 0;
        emptyHint.setVisible(empty);
    }

    /** The hint an empty canvas shows (hidden once there is a block). */
    public Label emptyHint() {
        return emptyHint;
    }

    private void refreshProperties() {
        properties.refresh();
    }

    private static final class PaletteCell extends ListCell<PaletteEntry> {
        @Override
        protected void updateItem(PaletteEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
            } else {
                setText(item.title() + "   · " + item.category());
                setTooltip(new Tooltip(item.detail()));
            }
        }
    }
}
