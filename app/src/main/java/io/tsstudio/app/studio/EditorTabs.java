package io.tsstudio.app.studio;

import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.CodeEditorView;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.grapheditor.GraphEditorView;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.problems.Problem;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.session.TabTitles;
import io.tsstudio.ui.session.Workspace;
import io.tsstudio.ui.status.StatusBarView;
import io.tsstudio.ui.theme.Icons;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main window's editor tabs: one per buffer (code editor) and per graph-editor document, following the view
 * model's lists; the tab in front is the workspace's active buffer and the other way round. Closing a tab with
 * unsaved edits asks first.
 */
final class EditorTabs {
    private final StudioViewModel vm;
    private final Dialogs dialogs;
    private final StudioCommands commands;
    private final StatusBarView statusBar;
    private final TabPane pane = new TabPane();
    private final Map<EditorViewModel, Tab> tabs = new IdentityHashMap<>();

    EditorTabs(StudioViewModel vm, Dialogs dialogs, StudioCommands commands, StatusBarView statusBar) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.commands = commands;
        this.statusBar = statusBar;
        pane.setId("editorTabs");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    }

    TabPane pane() {
        return pane;
    }

    /** Shows the view model's buffers and graph editors and keeps following them. Call once, on the FX thread. */
    void bind() {
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
            if (t != null && pane.getSelectionModel().getSelectedItem() != t) pane.getSelectionModel().select(t);
        });
        pane.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
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
        pane.getTabs().add(tab);
        refreshTabTitles();
        if (vm.workspace().activeBuffer() == b) pane.getSelectionModel().select(tab);
    }

    private void removeTab(EditorViewModel b) {
        Tab t = tabs.remove(b);
        if (t == null) return;
        pane.getTabs().remove(t);
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

    void openProblem(Problem p) {
        for (Map.Entry<EditorViewModel, Tab> e : tabs.entrySet()) {
            if (e.getKey().id().equals(p.bufferId())) {
                pane.getSelectionModel().select(e.getValue());
                ((CodeEditorView) e.getValue().getContent()).goToLine(p.diagnostic().line(), p.diagnostic().column());
            }
        }
    }


    /** The editor of the selected tab. */
    Optional<CodeEditorView> editor() {
        Tab t = pane.getSelectionModel().getSelectedItem();
        return t != null && t.getContent() instanceof CodeEditorView v ? Optional.of(v) : Optional.empty();
    }

    Optional<CodeEditorView> editorOf(EditorViewModel b) {
        Tab t = tabs.get(b);
        return t != null && t.getContent() instanceof CodeEditorView v ? Optional.of(v) : Optional.empty();
    }

    private void addGraphTab(GraphEditorViewModel gvm) {
        gvm.setRunBackend(graphRuns);
        GraphEditorView view = new GraphEditorView(gvm);
        view.setOpenInStudio(vm::open);
        Tab tab = new Tab(null, view);
        tab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (gvm.isDirty() ? "\u2022 " : "") + gvm.displayName(), gvm.dirtyProperty()));
        tab.setId("graphEditorTab");
        tab.setUserData(gvm);
        tab.setGraphic(Icons.get("graph", 13));
        tab.setOnCloseRequest(e -> {
            if (!gvm.isDirty()) return;
            e.consume(); // the save runs off the FX thread; the tab closes once it is written (or discarded)
            view.confirmDiscardOrSave().thenAccept(close -> {
                if (close) vm.closeGraphEditor(gvm);
            });
        });
        tab.setOnClosed(e -> vm.closeGraphEditor(gvm));
        pane.getTabs().add(tab);
        pane.getSelectionModel().select(tab);
    }

    private void removeGraphTab(GraphEditorViewModel gvm) {
        pane.getTabs().removeIf(t -> t.getUserData() == gvm);
    }


    void closeActiveTab() {
        Tab t = pane.getSelectionModel().getSelectedItem();
        EditorViewModel b = t == null ? null : bufferOf(t);
        if (b != null && confirmCloseTab(b)) vm.closeBuffer(b);
        if (t != null && t.getUserData() instanceof GraphEditorViewModel g && t.getContent() instanceof GraphEditorView view) {
            if (!g.isDirty()) vm.closeGraphEditor(g);
            else view.confirmDiscardOrSave().thenAccept(close -> {
                if (close) vm.closeGraphEditor(g);
            });
        }
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
                if (b.file() != null) return commands.saveScriptTo(b, b.file());
                Optional<Path> p = commands.scriptTarget(b);
                return p.isPresent() && commands.saveScriptTo(b, p.get());
            }
            case DISCARD -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Graph editors run their models in a worker process of their own, started on the first Run. */
    private final GraphEditorRuns graphRuns = new GraphEditorRuns(io.tsstudio.app.worker.WorkerLaunch.sameAsThisProcess());

    GraphEditorRuns graphRuns() {
        return graphRuns;
    }

    /** Comparisons run both models in a worker process of their own, started on the first comparison. */
    private final CompareRuns compareRuns = new CompareRuns(io.tsstudio.app.worker.WorkerLaunch.sameAsThisProcess());

    {
        // the compare views inside graph panes (Compare with freeze…) and File › Compare with… find it there
        io.tsstudio.ui.compare.ComparisonRuns.setStudioDefault(compareRuns);
    }

    CompareRuns compareRuns() {
        return compareRuns;
    }

    /** Stops the graph editors' and the comparisons' worker processes, if they were started. */
    void closeGraphRuns() {
        graphRuns.close();
        compareRuns.close();
    }
}
