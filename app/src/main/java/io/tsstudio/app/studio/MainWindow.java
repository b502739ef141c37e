package io.tsstudio.app.studio;

import io.tsstudio.ui.console.ConsoleView;
import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.CodeEditorView;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.export.RunShapes;
import io.tsstudio.ui.export.TritonExportView;
import io.tsstudio.ui.export.TritonExportViewModel;
import io.tsstudio.ui.grapheditor.GraphEditorView;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.inspect.InspectorView;
import io.tsstudio.ui.problems.Problem;
import io.tsstudio.ui.problems.ProblemsView;
import io.tsstudio.ui.status.StatusBarView;
import io.tsstudio.ui.theme.Icons;
import io.tsstudio.ui.theme.ThemeManager;
import io.tsstudio.ui.session.DockSlots;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.preferences.StudioSettings;
import io.tsstudio.ui.session.TabTitles;
import io.tsstudio.ui.session.Workspace;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main window's view: menus and toolbar, the inspector (left), editor tabs (centre), a dock (right) with the
 * Graph and Run slots that their own components fill, problems and console (bottom), status bar. Commands go to
 * {@link StudioViewModel}; this class only builds and binds nodes, and asks the user through {@link Dialogs}.
 *
 * <p>Plug-in points: {@link #setGraphView(Node)}, {@link #setRunPanel(Node)}, {@link #addDockTab(String, String, Node)},
 * and {@link StudioViewModel#workspace()} for the active model, buffer and caret.
 */
public final class MainWindow {
    private final Stage stage;
    private final StudioViewModel vm;
    private final ThemeManager themes;
    private final StudioSettings settings;
    private final Dialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final TabPane editorTabs = new TabPane();
    private final TabPane dock = new TabPane();
    private final TabPane bottom = new TabPane();
    private final SplitPane columns = new SplitPane();
    private final SplitPane rows = new SplitPane();
    private final InspectorView inspector;
    private final ProblemsView problemsView;
    private final StatusBarView statusBar = new StatusBarView();
    private final Map<EditorViewModel, Tab> tabs = new IdentityHashMap<>();
    private final Label errorText = new Label();
    private final HBox errorBanner;
    private final Menu recentMenu = new Menu("Open Recent");
    private java.util.function.Function<Path, RunShapes> lastRunShapes = file -> RunShapes.NONE;

    public MainWindow(Stage stage, StudioViewModel vm, ThemeManager themes, StudioSettings settings) {
        this.stage = stage;
        this.vm = vm;
        this.themes = themes;
        this.settings = settings;
        this.dialogs = new Dialogs(stage);
        this.inspector = new InspectorView(vm.inspector());
        this.problemsView = new ProblemsView(vm.problems(), this::openProblem);
        root.setId("mainWindow");

        editorTabs.setId("editorTabs");
        editorTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        StackPane editorArea = new StackPane(editorTabs, welcome());
        editorArea.getChildren().get(1).visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(editorTabs.getTabs()));
        errorBanner = errorBanner();
        VBox center = new VBox(errorBanner, editorArea);
        VBox.setVgrow(editorArea, Priority.ALWAYS);

        dock.setId("dock");
        dock.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        dock.getTabs().addAll(
                slot(DockSlots.GRAPH, "Graph", placeholder("graph", "Graph view", "The IR graph of the active model appears here.")),
                slot(DockSlots.RUN, "Run", placeholder("run", "Run panel", "Run the active model's methods here.")));

        Tab inspectorTab = new Tab("Inspector", inspector);
        inspectorTab.setClosable(false);
        inspectorTab.setGraphic(Icons.get("module", 14, "icon-accent"));
        TabPane left = new TabPane(inspectorTab);
        left.setId("leftDock");

        columns.getItems().addAll(left, center, dock);
        SplitPane.setResizableWithParent(left, false);
        // The dock (graph, run panel) takes its share of a wider window; the inspector column keeps its width.

        bottom.setId("bottomDock");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab problemsTab = new Tab("Problems", problemsView);
        problemsTab.setId("problemsTab");
        problemsTab.setGraphic(Icons.get("error", 13, "icon-error"));
        vm.problems().problems().addListener((ListChangeListener<Problem>) c ->
                problemsTab.setText(vm.problems().problems().isEmpty() ? "Problems" : "Problems (" + vm.problems().problems().size() + ")"));
        Tab consoleTab = new Tab("Console", new ConsoleView(vm.console()));
        consoleTab.setGraphic(Icons.get("info", 13));
        bottom.getTabs().addAll(problemsTab, consoleTab);

        rows.setOrientation(javafx.geometry.Orientation.VERTICAL);
        rows.getItems().addAll(columns, bottom);
        SplitPane.setResizableWithParent(bottom, false);

        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(rows);
        root.setBottom(statusBar);

        bindViewModel();
        enableFileDrop();
        restoreLayout();
    }

    // ---- building -------------------------------------------------------------------------------------------

    private Tab slot(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id + "Slot");
        t.setGraphic(Icons.get(id.equals(DockSlots.GRAPH) ? "graph" : "run", 14));
        return t;
    }

    private static Node placeholder(String icon, String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("placeholder-title");
        Label s = new Label(text);
        s.getStyleClass().add("placeholder-text");
        s.setWrapText(true);
        VBox box = new VBox(10, Icons.get(icon, 40), t, s);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(20));
        return box;
    }

    private Node welcome() {
        Label title = new Label("TorchScript Studio");
        title.getStyleClass().add("placeholder-title");
        Label hint = new Label("Open a .pt model or a TorchScript script (Ctrl+O), drop files here,\nor start a new script (Ctrl+N).");
        hint.getStyleClass().add("placeholder-text");
        hint.setWrapText(true);
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(10, title, hint);
        box.setPadding(new Insets(16));
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true);
        return box;
    }

    private HBox errorBanner() {
        errorText.setId("errorBanner");
        errorText.setWrapText(true);
        errorText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(errorText, Priority.ALWAYS);
        Button close = new Button("\u2715");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> vm.dismissError());
        HBox box = new HBox(8, Icons.get("error", 16, "icon-error"), errorText, close);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 10, 6, 10));
        box.setStyle("-fx-background-color: rgba(211,47,47,0.12); -fx-border-color: transparent transparent rgba(211,47,47,0.5) transparent;");
        box.setVisible(false);
        box.setManaged(false);
        return box;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("New Script", "Shortcut+N", "new", this::newScript),
                item("New Graph Model", "Shortcut+Shift+N", "graph", this::newGraphModel),
                item("Open\u2026", "Shortcut+O", "open", this::openDialog),
                recentMenu,
                new SeparatorMenuItem(),
                item("Save", "Shortcut+S", "save", this::save),
                item("Save As\u2026", "Shortcut+Shift+S", null, this::saveAs),
                item("Save Model as .pt\u2026", "Shortcut+Alt+S", "saveModel", this::saveModelAs),
                exportMenu(),
                new SeparatorMenuItem(),
                item("Close Tab", "Shortcut+W", null, this::closeActiveTab),
                item("Quit", "Shortcut+Q", null, this::quit));
        file.setOnShowing(e -> refreshRecent());
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                item("Undo", "Shortcut+Z", "undo", () -> editor().ifPresent(CodeEditorView::undo)),
                item("Redo", "Shortcut+Shift+Z", "redo", () -> editor().ifPresent(CodeEditorView::redo)),
                new SeparatorMenuItem(),
                item("Find\u2026", "Shortcut+F", "find", () -> editor().ifPresent(CodeEditorView::showFind)),
                item("Replace\u2026", "Shortcut+H", null, () -> editor().ifPresent(CodeEditorView::showReplace)),
                item("Go to Line\u2026", "Shortcut+G", null, () -> editor().ifPresent(CodeEditorView::promptGoToLine)),
                new SeparatorMenuItem(),
                item("Complete", "Shortcut+Space", null, () -> editor().ifPresent(CodeEditorView::showCompletion)),
                item("Quick Fix", "Alt+Enter", null, () -> editor().ifPresent(CodeEditorView::applyQuickFixesAtCaret)),
                new SeparatorMenuItem(),
                operatorPreferences());
        Menu build = new Menu("_Build");
        build.getItems().addAll(
                item("Recompile into Module", "Shortcut+B", "compile", this::recompile),
                item("Compile Script to Module (.pt)\u2026", "Shortcut+Shift+B", "saveModel", this::compileScript),
                item("Check Now", "F7", null, () -> active().ifPresent(EditorViewModel::requestCheck)));
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("Toggle Light/Dark Theme", "Shortcut+Alt+T", "theme", themes::toggle),
                item("Inspector", null, null, () -> columns.setDividerPosition(0, 0.25)),
                item("Graph", null, "graph", () -> showDock(DockSlots.GRAPH)),
                item("Run Panel", null, "run", () -> showDock(DockSlots.RUN)),
                item("Problems", null, null, () -> bottom.getSelectionModel().select(0)),
                item("Console", null, null, () -> bottom.getSelectionModel().select(1)));
        Menu help = new Menu("_Help");
        help.getItems().addAll(
                item("Keyboard Shortcuts", "F1", null, () -> dialogs.info("Keyboard shortcuts", SHORTCUTS)),
                item("Open Log Folder", null, null, this::openLogFolder),
                item("About", null, null, () -> dialogs.info("About TorchScript Studio",
                        "TorchScript Studio\nLibTorch " + (vm.libtorchProperty().get().isEmpty() ? "(loading)" : vm.libtorchProperty().get())
                                + "\nJava " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version"))));
        MenuBar bar = new MenuBar(file, edit, build, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Preferences > Operators: native operator libraries, and what saved files carry for torchvision operators. */
    private Menu operatorPreferences() {
        OperatorPreferences prefs = new OperatorPreferences(settings);
        javafx.scene.control.CheckMenuItem embedded = new javafx.scene.control.CheckMenuItem("Save torchvision Operators Embedded (no torchvision needed)");
        embedded.setSelected(prefs.saved() == io.tsstudio.engine.ops.SavedOperators.EMBEDDED);
        embedded.setOnAction(e -> prefs.setSaved(embedded.isSelected() ? io.tsstudio.engine.ops.SavedOperators.EMBEDDED
                : io.tsstudio.engine.ops.SavedOperators.TORCHVISION));
        Menu menu = new Menu("Preferences");
        menu.getItems().addAll(item("Load Operator Library\u2026", null, null, () -> dialogs.chooseOperatorLibrary().ifPresent(p -> {
            try {
                prefs.addLibrary(p);
                vm.statusProperty().set("Loaded operator library " + p.getFileName() + "; it loads at every start (reopen models that needed it)");
            } catch (io.tsstudio.engine.TorchException ex) {
                vm.statusProperty().set(ex.getMessage());
            }
        })), embedded);
        return menu;
    }

    /** The folder with the log and crash reports a user can attach to a bug report. */
    private void openLogFolder() {
        try {
            io.tsstudio.app.AppLog.openFolder();
        } catch (java.io.IOException e) {
            dialogs.info("Log folder", "The logs are in " + io.tsstudio.app.AppLog.directory() + "\n(no file manager could be started: " + e.getMessage() + ")");
        }
    }

    static final String SHORTCUTS = String.join("\n",
            "Ctrl+N  new script          Ctrl+O  open            Ctrl+S  save",
            "Ctrl+B  recompile class     Ctrl+Shift+B  compile script to .pt",
            "Ctrl+Alt+S  save model as .pt",
            "Ctrl+Space  complete        Alt+Enter  quick fix",
            "Ctrl+F  find   Ctrl+H  replace   Ctrl+G  go to line",
            "Ctrl+Z / Ctrl+Shift+Z  undo / redo",
            "Ctrl+Alt+T  light/dark theme",
            "",
            "Graph view (click the graph first):",
            "F  fit      + / -  zoom in / out      arrows  pan",
            "Enter  open/close the selected group",
            "T  trace ancestors and descendants",
            "Ctrl+F  search the graph",
            "Enter / Shift+Enter in search  next / previous match",
            "Double-click a group to open it",
            "Right-click a node or edge for its menu",
            "",
            "Graph editor (click the canvas first):",
            "Delete  remove      Ctrl+A  select all",
            "Ctrl+C / Ctrl+X / Ctrl+V  copy / cut / paste",
            "Ctrl+Z / Ctrl+Y  undo / redo",
            "Enter or double-click a palette entry  add it");

    private MenuItem item(String text, String accelerator, String icon, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) m.setAccelerator(KeyCombination.keyCombination(accelerator));
        if (icon != null) m.setGraphic(Icons.get(icon, 14));
        m.setOnAction(e -> action.run());
        return m;
    }

    private ToolBar toolBar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(
                tool("new", "New script (Ctrl+N)", this::newScript),
                tool("open", "Open a model or script (Ctrl+O)", this::openDialog),
                tool("save", "Save (Ctrl+S)", this::save),
                new javafx.scene.control.Separator(),
                tool("undo", "Undo (Ctrl+Z)", () -> editor().ifPresent(CodeEditorView::undo)),
                tool("redo", "Redo (Ctrl+Shift+Z)", () -> editor().ifPresent(CodeEditorView::redo)),
                tool("find", "Find (Ctrl+F)", () -> editor().ifPresent(CodeEditorView::showFind)),
                new javafx.scene.control.Separator(),
                labelled(tool("compile", "Recompile the edited class into its module, weights kept (Ctrl+B)", this::recompile), "Recompile"),
                labelled(tool("saveModel", "Save the model as .pt (Ctrl+Alt+S); for a script: compile it to a module and save", this::saveModelOrCompile), "Save .pt"),
                spacer,
                tool("theme", "Light/dark theme (Ctrl+Alt+T)", themes::toggle));
        bar.setId("mainToolBar");
        return bar;
    }

    private static Button labelled(Button b, String text) {
        b.setText(text);
        return b;
    }

    private Button tool(String icon, String tooltip, Runnable action) {
        Button b = new Button();
        b.setGraphic(Icons.get(icon, 18, icon.equals("compile") || icon.equals("saveModel") ? "icon-accent" : "icon-plain"));
        b.setTooltip(new Tooltip(tooltip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        b.setId("tool-" + icon);
        return b;
    }

    // ---- binding the view model -----------------------------------------------------------------------------

    private final javafx.beans.value.ChangeListener<Object> openingChanged = this::openingChanged;

    private void openingChanged(javafx.beans.value.ObservableValue<?> o, Object was, Object now) {
        showOpening(vm.openingProperty().get());
    }

    /** A file being opened: its stage and progress in the status bar, with Cancel, until it has opened (or not). */
    private void followOpening(Opening now) {
        if (now == null) {
            statusBar.hideProgress();
            statusBar.setMessage(vm.statusProperty().get());
            return;
        }
        now.stageProperty().addListener(openingChanged);
        now.progressProperty().addListener(openingChanged);
        now.finishedProperty().addListener((o, a, done) -> {
            now.stageProperty().removeListener(openingChanged);
            now.progressProperty().removeListener(openingChanged);
        });
        showOpening(now);
    }

    private void showOpening(Opening op) {
        if (op == null || op.finishedProperty().get()) return;
        statusBar.setMessage(op.stageProperty().get());
        statusBar.showProgress(op.progressProperty().get(), vm::cancelOpening);
    }

    private void bindViewModel() {
        stage.titleProperty().bind(vm.titleProperty());
        statusBar.setMessage(vm.statusProperty().get());
        vm.statusProperty().addListener((o, a, s) -> statusBar.setMessage(s));
        vm.openingProperty().addListener((o, was, now) -> followOpening(now));
        vm.libtorchProperty().addListener((o, a, v) -> {
            statusBar.setLibTorch(v);
            statusBar.setDevice("device: cpu");
        });
        vm.lastErrorProperty().addListener((o, a, e) -> {
            errorText.setText(e);
            errorBanner.setVisible(!e.isEmpty());
            errorBanner.setManaged(!e.isEmpty());
        });
        for (EditorViewModel b : vm.buffers()) addTab(b);
        for (GraphEditorViewModel g : vm.graphEditors()) addGraphTab(g);
        vm.graphEditors().addListener((ListChangeListener<GraphEditorViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeGraphTab);
                c.getAddedSubList().forEach(this::addGraphTab);
            }
        });
        vm.buffers().addListener((ListChangeListener<EditorViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeTab);
                c.getAddedSubList().forEach(this::addTab);
            }
        });
        Workspace ws = vm.workspace();
        ws.activeBufferProperty().addListener((o, a, b) -> {
            Tab t = b == null ? null : tabs.get(b);
            if (t != null && editorTabs.getSelectionModel().getSelectedItem() != t) editorTabs.getSelectionModel().select(t);
        });
        editorTabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            EditorViewModel b = t == null ? null : bufferOf(t);
            ws.activeBufferProperty().set(b);
            if (b != null) {
                OpenModel m = vm.modelFor(b);
                if (m != null && vm.isModelCode(b)) ws.activeModelProperty().set(m);
                updateCaret();
            } else {
                statusBar.setCaret(0, 0);
            }
        });
        // Reveal without focus: the graph asks, and its keys must stay with the graph.
        ws.setRevealer((line, col) -> editor().ifPresent(ed -> ed.revealLine(line, col)));
    }

    private void addTab(EditorViewModel b) {
        CodeEditorView view = new CodeEditorView(b, vm.completionFor(b));
        Tab tab = new Tab(b.titleProperty().get());
        b.titleProperty().addListener(o -> refreshTabTitles());
        b.fileProperty().addListener(o -> refreshTabTitles());
        tab.setContent(view);
        tab.setUserData(b);
        tab.setGraphic(Icons.get(b.kind() == BufferKind.MODULE_CODE ? "module" : b.kind() == BufferKind.READ_ONLY ? "state" : "method", 13,
                b.kind() == BufferKind.MODULE_CODE ? "icon-accent" : "icon-plain"));
        tab.setTooltip(new Tooltip(b.file() != null ? b.file().toString() : b.name()));
        tab.setOnCloseRequest(e -> {
            if (!confirmCloseTab(b)) e.consume();
        });
        tab.setOnClosed(e -> {
            if (vm.buffers().contains(b)) vm.closeBuffer(b);
        });
        view.codeArea().caretPositionProperty().addListener((o, x, y) -> updateCaret());
        tabs.put(b, tab);
        editorTabs.getTabs().add(tab);
        refreshTabTitles();
        if (vm.workspace().activeBuffer() == b) editorTabs.getSelectionModel().select(tab);
    }

    private void removeTab(EditorViewModel b) {
        Tab t = tabs.remove(b);
        if (t == null) return;
        editorTabs.getTabs().remove(t);
        refreshTabTitles();
        if (t.getContent() instanceof CodeEditorView v) v.close();
    }

    /** Tab titles, with the folder added where two tabs would read the same (two model.pt files, say). */
    private void refreshTabTitles() {
        List<EditorViewModel> open = new ArrayList<>(tabs.keySet());
        List<String> titles = TabTitles.of(open.stream().map(b -> new TabTitles.Entry(b.name(), vm.fileOf(b))).toList());
        for (int i = 0; i < open.size(); i++) {
            EditorViewModel b = open.get(i);
            tabs.get(b).setText((b.isDirty() ? "\u2022 " : "") + titles.get(i));
        }
    }

    private static EditorViewModel bufferOf(Tab t) {
        return t.getUserData() instanceof EditorViewModel b ? b : null;
    }

    private void updateCaret() {
        editor().ifPresent(ed -> {
            int line = ed.codeArea().getCurrentParagraph() + 1;
            int col = ed.codeArea().getCaretColumn() + 1;
            statusBar.setCaret(line, col);
            vm.workspace().caretProperty().set(new Workspace.Caret(line, col));
        });
    }

    private void openProblem(Problem p) {
        for (Map.Entry<EditorViewModel, Tab> e : tabs.entrySet()) {
            if (e.getKey().id().equals(p.bufferId())) {
                editorTabs.getSelectionModel().select(e.getValue());
                ((CodeEditorView) e.getValue().getContent()).goToLine(p.diagnostic().line(), p.diagnostic().column());
            }
        }
    }

    private void showDock(String id) {
        dock.getTabs().stream().filter(t -> (id + "Slot").equals(t.getId())).findFirst().ifPresent(t -> dock.getSelectionModel().select(t));
    }

    // ---- drag and drop --------------------------------------------------------------------------------------

    private void enableFileDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) openDropped(e.getDragboard().getFiles());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Opens files dropped on the window (also the entry point tests use to simulate a drop). */
    public void openDropped(List<File> files) {
        vm.open(files.stream().map(File::toPath).toList());
    }

    // ---- commands -------------------------------------------------------------------------------------------

    private Optional<EditorViewModel> active() {
        return Optional.ofNullable(vm.workspace().activeBuffer());
    }

    /** The editor of the selected tab. */
    public Optional<CodeEditorView> editor() {
        Tab t = editorTabs.getSelectionModel().getSelectedItem();
        return t != null && t.getContent() instanceof CodeEditorView v ? Optional.of(v) : Optional.empty();
    }

    public Optional<CodeEditorView> editorOf(EditorViewModel b) {
        Tab t = tabs.get(b);
        return t != null && t.getContent() instanceof CodeEditorView v ? Optional.of(v) : Optional.empty();
    }

    private void newScript() {
        vm.newScript("");
    }

    /** A visual model editor tab (palette, canvas, generated TorchScript); its models open in the graph view and run panel. */
    private void newGraphModel() {
        vm.newGraphModel();
    }

    private void addGraphTab(GraphEditorViewModel gvm) {
        GraphEditorView view = new GraphEditorView(gvm);
        view.setOpenInStudio(vm::open);
        Tab tab = new Tab(null, view);
        tab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (gvm.isDirty() ? "\u2022 " : "") + gvm.displayName(), gvm.dirtyProperty()));
        tab.setId("graphEditorTab");
        tab.setUserData(gvm);
        tab.setGraphic(Icons.get("graph", 13));
        tab.setOnCloseRequest(e -> {
            if (gvm.isDirty() && !view.confirmDiscardOrSave()) e.consume();
        });
        tab.setOnClosed(e -> vm.closeGraphEditor(gvm));
        editorTabs.getTabs().add(tab);
        editorTabs.getSelectionModel().select(tab);
    }

    private void removeGraphTab(GraphEditorViewModel gvm) {
        editorTabs.getTabs().removeIf(t -> t.getUserData() == gvm);
    }

    private void openDialog() {
        List<Path> files = dialogs.chooseFilesToOpen();
        if (!files.isEmpty()) vm.open(files);
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentFiles().list()) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false); // file names keep their underscores
            m.setOnAction(e -> vm.open(p));
            recentMenu.getItems().add(m);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            recentMenu.getItems().add(new SeparatorMenuItem());
            MenuItem clear = new MenuItem("Clear Recent");
            clear.setOnAction(e -> vm.recentFiles().clear());
            recentMenu.getItems().add(clear);
        }
    }

    private void save() {
        active().ifPresent(b -> {
            if (b.kind() == BufferKind.MODULE_CODE) vm.recompile(b);
            else if (b.kind() == BufferKind.SCRIPT) {
                if (b.file() == null) saveAs();
                else saveScriptTo(b, b.file());
            }
        });
    }

    private void saveAs() {
        active().filter(b -> b.kind() == BufferKind.SCRIPT).ifPresent(b ->
                dialogs.chooseSaveTarget("Save script", b.name(), "TorchScript source", "*.py", "*.ts").ifPresent(p -> saveScriptTo(b, p)));
    }

    private boolean saveScriptTo(EditorViewModel b, Path p) {
        try {
            vm.saveScript(b, p);
            return true;
        } catch (IOException e) {
            vm.console().error("Cannot save " + p + ": " + e.getMessage());
            vm.statusProperty().set("Cannot save " + p.getFileName());
            return false;
        }
    }

    private void recompile() {
        active().ifPresent(b -> {
            if (b.kind() == BufferKind.MODULE_CODE) vm.recompile(b);
            else if (b.kind() == BufferKind.SCRIPT) compileScript();
        });
    }

    private void saveModelOrCompile() {
        Optional<EditorViewModel> b = active();
        if (b.isPresent() && b.get().kind() == BufferKind.SCRIPT) compileScript();
        else saveModelAs();
    }

    private void saveModelAs() {
        OpenModel m = vm.modelFor(vm.workspace().activeBuffer());
        if (m == null || !m.isTorchScript()) {
            vm.statusProperty().set("No TorchScript model is active: open a .pt file, or compile a script with Ctrl+Shift+B");
            return;
        }
        String suggested = m.fileName().replaceFirst("(\\.[^.]*)?$", "-edited.pt");
        dialogs.chooseSaveTarget("Save model as .pt", suggested, "TorchScript model", "*.pt").ifPresent(p -> vm.saveModel(m, p));
    }

    private Menu exportMenu() {
        Menu export = new Menu("Export");
        export.getItems().add(item("Triton Model Repository\u2026", null, null, this::exportTriton));
        return export;
    }

    /** File > Export > Triton Model Repository: the dialog over the active model, prefilled from the run panel's last run. */
    private void exportTriton() {
        OpenModel m = vm.modelFor(vm.workspace().activeBuffer());
        if (m == null || !m.isTorchScript()) {
            vm.statusProperty().set("No TorchScript model is active: open a .pt file, or compile a script with Ctrl+Shift+B");
            return;
        }
        TritonExportView.show(stage, new TritonExportViewModel(m.module(), m.file(), lastRunShapes.apply(m.file()),
                vm.ioExecutor(), javafx.application.Platform::runLater));
    }

    /** Where File > Export finds the run panel's last shapes for a model file (the run panel sets it). */
    public void setLastRunShapes(java.util.function.Function<Path, RunShapes> source) {
        this.lastRunShapes = source;
    }

    private void compileScript() {
        active().filter(b -> b.kind() == BufferKind.SCRIPT).ifPresent(b -> {
            String suggested = b.name().replaceFirst("(\\.[^.]*)?$", ".pt");
            dialogs.chooseSaveTarget("Compile script to module", suggested, "TorchScript model", "*.pt").ifPresent(p -> vm.compileToModule(b, p));
        });
    }

    private void closeActiveTab() {
        Tab t = editorTabs.getSelectionModel().getSelectedItem();
        EditorViewModel b = t == null ? null : bufferOf(t);
        if (b != null && confirmCloseTab(b)) vm.closeBuffer(b);
        if (t != null && t.getUserData() instanceof GraphEditorViewModel g && t.getContent() instanceof GraphEditorView view
                && (!g.isDirty() || view.confirmDiscardOrSave())) vm.closeGraphEditor(g);
    }

    private boolean confirmCloseTab(EditorViewModel b) {
        if (!b.isDirty()) return true;
        String saveLabel = b.kind() == BufferKind.MODULE_CODE ? "Recompile" : "Save";
        switch (dialogs.confirmCloseTab(b.name(), saveLabel)) {
            case SAVE -> {
                if (b.kind() == BufferKind.MODULE_CODE) {
                    vm.recompile(b);
                    return false; // stays open until the recompile succeeded; the user closes it again
                }
                if (b.file() != null) return saveScriptTo(b, b.file());
                Optional<Path> p = dialogs.chooseSaveTarget("Save script", b.name(), "TorchScript source", "*.py", "*.ts");
                return p.isPresent() && saveScriptTo(b, p.get());
            }
            case DISCARD -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Asks about unsaved work; true if the window may close. */
    public boolean confirmQuit() {
        List<String> unsaved = vm.unsavedWork();
        if (unsaved.isEmpty()) return true;
        switch (dialogs.confirmQuit(unsaved)) {
            case KEEP_FOR_NEXT_START -> {
                vm.autosaveAndWait();
                keepAutosaves = true;
                return true;
            }
            case DISCARD -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean keepAutosaves;

    /** True when the user chose to keep unsaved edits for the next start (so the exit must not clear autosaves). */
    public boolean keepAutosaves() {
        return keepAutosaves;
    }

    private void quit() {
        stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    // ---- layout memory --------------------------------------------------------------------------------------

    private void restoreLayout() {
        // Defaults for 1280 px and up: a 230 px inspector, the editor, and a dock wide enough for the run panel's wide layout.
        columns.setDividerPositions(settings.getDouble("split.left", 0.18), settings.getDouble("split.right", 0.50));
        rows.setDividerPositions(settings.getDouble("split.bottom", 0.78));
    }

    public void saveLayout() {
        double[] c = columns.getDividerPositions();
        if (c.length == 2) {
            settings.put("split.left", c[0]);
            settings.put("split.right", c[1]);
        }
        double[] r = rows.getDividerPositions();
        if (r.length == 1) settings.put("split.bottom", r[0]);
        settings.put("theme", themes.theme().name());
        settings.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            settings.put("window.x", stage.getX());
            settings.put("window.y", stage.getY());
            settings.put("window.width", stage.getWidth());
            settings.put("window.height", stage.getHeight());
        }
        settings.save();
    }

    // ---- plug-in points -------------------------------------------------------------------------------------

    /** Puts the graph view into its dock slot (replacing the placeholder). */
    public void setGraphView(Node graphView) {
        setDockContent(DockSlots.GRAPH, graphView);
    }

    /** Puts the run panel into its dock slot (replacing the placeholder). */
    public void setRunPanel(Node runPanel) {
        setDockContent(DockSlots.RUN, runPanel);
    }

    private void setDockContent(String id, Node content) {
        dock.getTabs().stream().filter(t -> (id + "Slot").equals(t.getId())).findFirst().ifPresent(t -> t.setContent(content));
    }

    /** Adds another tab to the right-hand dock. */
    public void addDockTab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id + "Slot");
        dock.getTabs().add(t);
    }

    public BorderPane root() {
        return root;
    }

    public TabPane editorTabs() {
        return editorTabs;
    }

    public InspectorView inspector() {
        return inspector;
    }

    public ProblemsView problems() {
        return problemsView;
    }

    public StatusBarView statusBar() {
        return statusBar;
    }

    public TabPane dock() {
        return dock;
    }

    public Dialogs dialogs() {
        return dialogs;
    }
}
