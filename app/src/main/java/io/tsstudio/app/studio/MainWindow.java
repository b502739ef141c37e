package io.tsstudio.app.studio;

import io.tsstudio.ui.console.ConsoleView;
import io.tsstudio.ui.editor.CodeEditorView;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.export.RunShapes;
import io.tsstudio.ui.export.TritonExportView;
import io.tsstudio.ui.export.TritonExportViewModel;
import io.tsstudio.ui.inspect.InspectorView;
import io.tsstudio.ui.problems.Problem;
import io.tsstudio.ui.problems.ProblemsView;
import io.tsstudio.ui.status.BackgroundJobsView;
import io.tsstudio.ui.status.StatusBarView;
import io.tsstudio.ui.theme.Icons;
import io.tsstudio.ui.theme.ThemeManager;
import io.tsstudio.ui.session.DockSlots;
import io.tsstudio.ui.preferences.StudioSettings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
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
    private final StudioCommands commands;
    private final LayoutStore layouts;
    private final BorderPane root = new BorderPane();
    private final TabPane editorTabs;
    private final TabPane dock = new TabPane();
    private final TabPane bottom = new TabPane();
    private final SplitPane columns = new SplitPane();
    private final SplitPane rows = new SplitPane();
    private final InspectorView inspector;
    private final ProblemsView problemsView;
    private final StatusBarView statusBar = new StatusBarView();
    private final BackgroundJobsView jobs = new BackgroundJobsView();
    private final EditorTabs tabs;
    private final Menu recentMenu = new Menu("Open Recent");
    private java.util.function.Function<Path, RunShapes> lastRunShapes = file -> RunShapes.NONE;

    public MainWindow(Stage stage, StudioViewModel vm, ThemeManager themes, StudioSettings settings) {
        this.stage = stage;
        this.vm = vm;
        this.themes = themes;
        this.settings = settings;
        this.dialogs = new Dialogs(stage);
        this.commands = new StudioCommands(vm, dialogs);
        this.layouts = new LayoutStore(settings);
        this.tabs = new EditorTabs(vm, dialogs, commands, statusBar);
        this.editorTabs = tabs.pane();
        this.inspector = new InspectorView(vm.inspector());
        this.problemsView = new ProblemsView(vm.problems(), tabs::openProblem);
        root.setId("mainWindow");

        StackPane editorArea = new StackPane(editorTabs, Placeholders.welcome());
        editorArea.getChildren().get(1).visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(editorTabs.getTabs()));
        VBox center = new VBox(new ErrorBanner(vm.lastErrorProperty(), vm::dismissError), editorArea);
        VBox.setVgrow(editorArea, Priority.ALWAYS);

        dock.setId("dock");
        dock.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        dock.getTabs().addAll(
                slot(DockSlots.GRAPH, "Graph", Placeholders.placeholder("graph", "Graph view", "The IR graph of the active model appears here.")),
                slot(DockSlots.RUN, "Run", Placeholders.placeholder("run", "Run panel", "Run the active model's methods here.")));

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
        consoleTab.setId("consoleTab");
        consoleTab.setGraphic(Icons.get("info", 13));
        Tab jobsTab = new Tab("Jobs", jobs);
        jobsTab.setId("jobsTab");
        bottom.getTabs().addAll(problemsTab, consoleTab, jobsTab);

        rows.setOrientation(javafx.geometry.Orientation.VERTICAL);
        rows.getItems().addAll(columns, bottom);
        SplitPane.setResizableWithParent(bottom, false);

        root.setTop(bars());
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

    private javafx.scene.Node bars() {
        ActionBars bars = new ActionBars(StudioActions.ALL, new ActionContext(commands, new ViewCommands()), vm);
        Menu preferences = operatorPreferences();
        MenuBar menuBar = bars.menuBar(Map.of("file.recent", recentMenu, "file.export", exportMenu(), "edit.preferences", preferences));
        menuBar.getMenus().get(0).setOnShowing(e -> refreshRecent());
        return new VBox(menuBar, bars.toolBar(StudioActions.TOOLBAR));
    }

    /** Preferences > Operators: native operator libraries, and what saved files carry for torchvision operators. */
    private Menu operatorPreferences() {
        OperatorPreferences prefs = new OperatorPreferences(settings);
        javafx.scene.control.CheckMenuItem embedded = new javafx.scene.control.CheckMenuItem("Save torchvision Operators Embedded (no torchvision needed)");
        embedded.setSelected(prefs.saved() == io.tsstudio.engine.ops.SavedOperators.EMBEDDED);
        embedded.setOnAction(e -> prefs.setSaved(embedded.isSelected() ? io.tsstudio.engine.ops.SavedOperators.EMBEDDED
                : io.tsstudio.engine.ops.SavedOperators.TORCHVISION));
        MenuItem load = new MenuItem("Load Operator Library\u2026");
        load.setOnAction(e -> dialogs.chooseOperatorLibrary().ifPresent(p -> {
            try {
                prefs.addLibrary(p);
                vm.statusProperty().set("Loaded operator library " + p.getFileName() + "; it loads at every start (reopen models that needed it)");
            } catch (io.tsstudio.engine.TorchException ex) {
                vm.notice(ex.getMessage());
            }
        }));
        Menu menu = new Menu("Preferences");
        menu.getItems().addAll(load, embedded);
        return menu;
    }

    /** The F1 list, built from the actions table (see {@link StudioActions#shortcutList()}). */
    static final String SHORTCUTS = StudioActions.shortcutList();

    /** What the actions table's entries do to this window. */
    private final class ViewCommands implements WindowCommands {
        @Override
        public void compareWith() {
            io.tsstudio.ui.session.OpenModel m = vm.workspace().activeModel();
            if (m == null || !m.isTorchScript()) {
                vm.statusProperty().set("No TorchScript model is active: open a .pt file, then compare it with another one");
                return;
            }
            dialogs.filesToOpen().stream().findFirst().ifPresent(p -> CompareWindow.open(stage, m, p));
        }

        @Override
        public void inEditor(java.util.function.Consumer<CodeEditorView> command) {
            tabs.editor().ifPresent(command);
        }

        @Override
        public void toggleTheme() {
            themes.toggle();
        }

        @Override
        public void showInspector() {
            columns.setDividerPosition(0, 0.25);
        }

        @Override
        public void showDock(String slot) {
            MainWindow.this.showDock(slot);
        }

        @Override
        public void showBottom(int index) {
            bottom.getSelectionModel().select(index);
        }

        @Override
        public void closeActiveTab() {
            tabs.closeActiveTab();
        }

        @Override
        public void quit() {
            stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        }

        @Override
        public void showShortcuts() {
            dialogs.info("Keyboard shortcuts", SHORTCUTS);
        }

        @Override
        public void openLogFolder() {
            try {
                io.tsstudio.app.home.AppLog.openFolder();
            } catch (java.io.IOException e) {
                dialogs.info("Log folder", "The logs are in " + io.tsstudio.app.home.AppLog.directory() + "\n(no file manager could be started: " + e.getMessage() + ")");
            }
        }

        @Override
        public void about() {
            dialogs.info("About TorchScript Studio", "TorchScript Studio\nLibTorch " + (vm.libtorchProperty().get().isEmpty() ? "(loading)" : vm.libtorchProperty().get())
                    + "\nJava " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version"));
        }
    }

    // ---- binding the view model -----------------------------------------------------------------------------

    private void bindViewModel() {
        stage.titleProperty().bind(vm.titleProperty());
        statusBar.setMessage(vm.statusProperty().get());
        vm.statusProperty().addListener((o, a, s) -> statusBar.setMessage(s));
        OpeningStatus.follow(vm, statusBar, jobs);
        vm.libtorchProperty().addListener((o, a, v) -> {
            statusBar.setLibTorch(v);
            statusBar.setDevice("device: cpu");
        });
        vm.notices().addListener((ListChangeListener<String>) c -> {
            while (c.next()) c.getAddedSubList().forEach(this::showNotice);
        });
        tabs.bind();
    }

    /** An error that needs no answer: a notification in the window's corner that goes by itself; no dialog to dismiss. */
    private void showNotice(String message) {
        if (!stage.isShowing()) return; // the console has it
        Notifications.create().owner(stage).title(StudioViewModel.APP_NAME).text(message)
                .position(Pos.BOTTOM_RIGHT).hideAfter(NOTICE_SHOWN_FOR).showError();
    }

    static final javafx.util.Duration NOTICE_SHOWN_FOR = javafx.util.Duration.seconds(8);

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

    /** The editor of the selected tab. */
    public Optional<CodeEditorView> editor() {
        return tabs.editor();
    }

    public Optional<CodeEditorView> editorOf(EditorViewModel b) {
        return tabs.editorOf(b);
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

    /** File › Export: the export targets (today Triton's model repository). */
    private Menu exportMenu() {
        MenuItem triton = new MenuItem("Triton Model Repository\u2026");
        triton.setOnAction(e -> exportTriton());
        return new Menu("Export", null, triton);
    }

    /** File › Export › Triton Model Repository: the dialog over the active model, prefilled from the run panel's last run. */
    private void exportTriton() {
        io.tsstudio.ui.session.OpenModel m = vm.modelFor(vm.workspace().activeBuffer());
        if (m == null || !m.isTorchScript()) {
            vm.statusProperty().set("No TorchScript model is active: open a .pt file, or compile a script with Ctrl+Shift+B");
            return;
        }
        TritonExportView.show(stage, new TritonExportViewModel(m.module(), m.file(), lastRunShapes.apply(m.file()),
                vm.ioExecutor(), javafx.application.Platform::runLater));
    }

    /** Where File › Export finds the run panel's last shapes for a model file (the run panel sets it). */
    public void setLastRunShapes(java.util.function.Function<Path, RunShapes> source) {
        this.lastRunShapes = source;
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
    /** The graph editors' worker process (started on the first Run), kept by the editor tabs. */
    GraphEditorRuns graphRuns() {
        return tabs.graphRuns();
    }

    /** Stops the graph editors' worker process, if one was started. */
    public void closeGraphRuns() {
        tabs.closeGraphRuns();
    }

    /** True when the user chose to keep unsaved edits for the next start (so the exit must not clear autosaves). */
    public boolean keepAutosaves() {
        return keepAutosaves;
    }

    // ---- layout memory --------------------------------------------------------------------------------------

    private void restoreLayout() {
        LayoutStore.Layout l = layouts.load();
        columns.setDividerPositions(l.splitLeft(), l.splitRight());
        rows.setDividerPositions(l.splitBottom());
        selectById(dock, l.dockTab());
        selectById(bottom, l.bottomTab());
    }

    private static void selectById(TabPane pane, String id) {
        pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> pane.getSelectionModel().select(t));
    }

    /** The window's layout now; bounds are those of the un-maximized window, or the last saved ones. */
    LayoutStore.Layout currentLayout() {
        LayoutStore.Layout saved = layouts.load();
        double[] c = columns.getDividerPositions();
        double[] r = rows.getDividerPositions();
        boolean normal = !stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0;
        Tab d = dock.getSelectionModel().getSelectedItem();
        Tab b = bottom.getSelectionModel().getSelectedItem();
        return new LayoutStore.Layout(
                c.length == 2 ? c[0] : saved.splitLeft(), c.length == 2 ? c[1] : saved.splitRight(), r.length == 1 ? r[0] : saved.splitBottom(),
                normal ? stage.getX() : saved.x(), normal ? stage.getY() : saved.y(),
                normal ? stage.getWidth() : saved.width(), normal ? stage.getHeight() : saved.height(),
                stage.isMaximized(), d == null ? null : d.getId(), b == null ? null : b.getId());
    }

    /** Keeps the layout and the theme for the next start. */
    public void saveLayout() {
        settings.put("theme", themes.theme().name());
        layouts.save(currentLayout());
    }

    /** The saved window layout, for placing the stage before it is shown. */
    LayoutStore.Layout savedLayout() {
        return layouts.load();
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

    /** Background jobs with progress and cancel (the bottom dock's Jobs tab). */
    public BackgroundJobsView jobs() {
        return jobs;
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
