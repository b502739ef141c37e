package io.tsstudio.app.studio;

import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.CachedOperatorCatalog;
import io.tsstudio.ui.editor.CompletionItem;
import io.tsstudio.ui.editor.CompletionProvider;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.problems.ProblemsViewModel;
import io.tsstudio.ui.session.ModelBackend;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.session.OpenedFile;
import io.tsstudio.ui.session.Workspace;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the studio has open, on the FX thread: editor buffers (scripts, the classes of a loaded model, read-only
 * views), the models they come from, and graph-editor documents. It knows which model and class each buffer shows,
 * adds the tabs of a file that has opened, and closes a model when its last tab goes.
 */
final class StudioBuffers {
    private final ModelBackend backend;
    private final Executor fx;
    private final Workspace workspace;
    private final ProblemsViewModel problems;
    private final CachedOperatorCatalog operators;
    private final StudioMessages messages;
    private final ObservableList<EditorViewModel> buffers = FXCollections.observableArrayList();
    private final ObservableList<OpenModel> models = FXCollections.observableArrayList();
    private final ObservableList<GraphEditorViewModel> graphEditors = FXCollections.observableArrayList();
    private final Map<EditorViewModel, BufferOrigin> origins = new IdentityHashMap<>();
    private final Map<EditorViewModel, CompletionProvider> completions = new IdentityHashMap<>();
    /** The state-dict model each read-only tab shows (module-code tabs have theirs in {@link #origins}). */
    private final Map<EditorViewModel, OpenModel> stateDictTabs = new IdentityHashMap<>();
    /** Called with a buffer or graph-editor id whose autosave must go (it was closed or saved). */
    private Consumer<String> dropAutosave = id -> { };
    /** Frees a model that is no longer shown (off the FX thread). */
    private Consumer<OpenModel> closeModel = m -> { };
    private int untitled = 1;

    StudioBuffers(ModelBackend backend, Executor fx, Workspace workspace, ProblemsViewModel problems, CachedOperatorCatalog operators,
                  StudioMessages messages) {
        this.backend = backend;
        this.fx = fx;
        this.workspace = workspace;
        this.problems = problems;
        this.operators = operators;
        this.messages = messages;
        // The inspector, graph and run panel follow the tab in front: its model becomes the active one.
        workspace.activeBufferProperty().addListener((o, a, b) -> {
            OpenModel m = b == null ? null : origins.containsKey(b) ? origins.get(b).model() : stateDictTabs.get(b);
            if (m != null && m != workspace.activeModel()) workspace.activeModelProperty().set(m);
        });
    }

    void onForgetAutosave(Consumer<String> forget) {
        this.dropAutosave = forget;
    }

    /** The buffer or document {@code id} was saved or closed: its autosave goes. */
    void forgetAutosave(String id) {
        dropAutosave.accept(id);
    }

    void onCloseModel(Consumer<OpenModel> close) {
        this.closeModel = close;
    }

    /** Adds the tabs of a file that has opened and makes it the active one. */
    void show(OpenedFile opened, io.tsstudio.ui.console.LogConsole console) {
        if (opened instanceof OpenedFile.Source s) {
            String name = s.file().getFileName().toString();
            EditorViewModel b = add(new EditorViewModel(BufferKind.SCRIPT, name, s.file(), s.text(), backend.scriptChecker(), fx), null);
            workspace.activeBufferProperty().set(b);
            console.info("Opened script " + s.file());
        } else if (opened instanceof OpenedFile.Model m) {
            models.add(m.model());
            workspace.activeModelProperty().set(m.model());
            EditorViewModel first = null;
            for (Map.Entry<String, String> c : m.codeByClass().entrySet()) {
                EditorViewModel b = add(new EditorViewModel(BufferKind.MODULE_CODE, codeTabName(m.model(), c.getKey()), null, c.getValue(),
                        backend.classCodeChecker(m.model(), c.getKey()), fx), new BufferOrigin(m.model(), c.getKey()));
                if (first == null) first = b;
            }
            if (first != null) workspace.activeBufferProperty().set(first);
            console.info("Opened TorchScript model " + m.file() + ": " + m.model().summary().totalsText());
            for (String skipped : m.skippedCode()) console.warning("Code not shown (too large to read): " + skipped);
        } else if (opened instanceof OpenedFile.NeedsOperators n) {
            models.add(n.model());
            workspace.activeModelProperty().set(n.model());
            EditorViewModel first = null;
            for (Map.Entry<String, String> c : n.codeByClass().entrySet()) {
                EditorViewModel b = add(new EditorViewModel(BufferKind.READ_ONLY, codeTabName(n.model(), c.getKey()), null, c.getValue(), null, fx), null);
                if (first == null) first = b;
            }
            if (first != null) workspace.activeBufferProperty().set(first);
            messages.warn(n.notice());
        } else if (opened instanceof OpenedFile.StateDict d) {
            models.add(d.model());
            workspace.activeModelProperty().set(d.model());
            EditorViewModel b = add(new EditorViewModel(BufferKind.READ_ONLY, d.file().getFileName() + " (state dict)", null,
                    d.description(), null, fx), null);
            stateDictTabs.put(b, d.model());
            workspace.activeBufferProperty().set(b);
            console.info("Opened torch.save archive " + d.file() + " read-only: " + d.model().summary().totalsText());
        }
    }

    private static String codeTabName(OpenModel model, String className) {
        int dot = className.lastIndexOf('.');
        return (dot < 0 ? className : className.substring(dot + 1)) + " \u00b7 " + model.fileName();
    }

    EditorViewModel add(EditorViewModel b, BufferOrigin origin) {
        if (origin != null) origins.put(b, origin);
        Supplier<List<CompletionItem>> members = origin == null ? List::of : () -> backend.selfMembers(origin.model(), origin.className());
        completions.put(b, new CompletionProvider(operators, members));
        buffers.add(b);
        problems.watch(b);
        return b;
    }

    /** A script buffer; {@code file} may be null (an untitled script). */
    EditorViewModel addScript(String name, Path file, String savedText) {
        return add(new EditorViewModel(BufferKind.SCRIPT, name, file, savedText, backend.scriptChecker(), fx), null);
    }

    /** A new, empty script of {@code def} functions. */
    EditorViewModel newScript(String text) {
        EditorViewModel b = addScript("untitled-" + untitled++ + ".py", null, "");
        if (!text.isEmpty()) b.textChanged(text);
        workspace.activeBufferProperty().set(b);
        return b;
    }

    void close(EditorViewModel b) {
        buffers.remove(b);
        problems.unwatch(b);
        completions.remove(b);
        BufferOrigin origin = origins.remove(b);
        forgetAutosave(b.id());
        b.close();
        if (workspace.activeBuffer() == b) workspace.activeBufferProperty().set(buffers.isEmpty() ? null : buffers.get(buffers.size() - 1));
        if (origin != null && origins.values().stream().noneMatch(o -> o.model() == origin.model())) closeModel(origin.model());
        OpenModel stateDict = stateDictTabs.remove(b);
        if (stateDict != null) closeModel(stateDict);
    }

    private void closeModel(OpenModel m) {
        models.remove(m);
        if (workspace.activeModel() == m) workspace.activeModelProperty().set(models.isEmpty() ? null : models.get(models.size() - 1));
        closeModel.accept(m);
    }

    /** A recompile replaced a model's module: every tab and the workspace point at the new one. */
    void replaceModel(OpenModel old, OpenModel updated) {
        if (old == updated) return;
        int i = models.indexOf(old);
        if (i >= 0) models.set(i, updated);
        origins.replaceAll((buf, o) -> o.model() == old ? new BufferOrigin(updated, o.className()) : o);
        if (workspace.activeModel() == old) workspace.activeModelProperty().set(updated);
    }

    /** The open script buffer of a file, or null. */
    EditorViewModel scriptOf(Path abs) {
        for (EditorViewModel b : buffers) if (abs.equals(b.file()) && b.kind() == BufferKind.SCRIPT) return b;
        return null;
    }

    /** The module-code buffer of one class of the model loaded from {@code file}, if open. */
    Optional<EditorViewModel> classBuffer(Path file, String className) {
        for (EditorViewModel b : buffers) {
            BufferOrigin o = origins.get(b);
            if (o != null && o.className().equals(className) && file.equals(o.model().file())) return Optional.of(b);
        }
        return Optional.empty();
    }

    void activate(EditorViewModel b) {
        workspace.activeBufferProperty().set(b);
    }

    BufferOrigin originOf(EditorViewModel b) {
        return b == null ? null : origins.get(b);
    }

    /** Closes the unedited code tabs of the model loaded from {@code abs} (a compile is about to replace it). */
    void closeCleanTabsOf(Path abs) {
        for (EditorViewModel old : List.copyOf(buffers)) {
            BufferOrigin o = origins.get(old);
            if (o != null && o.model().file().toAbsolutePath().normalize().equals(abs) && !old.isDirty()) close(old);
        }
    }

    boolean revealInClass(OpenModel model, String className, int line, int column) {
        for (Map.Entry<EditorViewModel, BufferOrigin> e : origins.entrySet()) {
            BufferOrigin o = e.getValue();
            if (o.model() == model && o.className().equals(className)) {
                workspace.activeBufferProperty().set(e.getKey());
                workspace.revealSource(line, column);
                return true;
            }
        }
        return false;
    }

    Path fileOf(EditorViewModel b) {
        if (b.file() != null) return b.file();
        BufferOrigin o = origins.get(b);
        if (o != null) return o.model().file();
        OpenModel d = stateDictTabs.get(b);
        return d == null ? null : d.file();
    }

    OpenModel modelFor(EditorViewModel b) {
        BufferOrigin o = b == null ? null : origins.get(b);
        return o != null ? o.model() : workspace.activeModel();
    }

    CompletionProvider completionFor(EditorViewModel b) {
        return completions.getOrDefault(b, new CompletionProvider(operators, List::of));
    }

    boolean isModelCode(EditorViewModel b) {
        return origins.containsKey(b);
    }

    // ---- graph editors ---------------------------------------------------------------------------------------

    GraphEditorViewModel addGraphEditor(GraphDocument doc) {
        // The palette reads the same cached registry as completion.
        GraphEditorViewModel g = new GraphEditorViewModel(doc, operators,
                io.tsstudio.ui.concurrent.TaskRunner.on(io.tsstudio.ui.concurrent.FxUiThread.delivering(fx)));
        graphEditors.add(g);
        return g;
    }

    /** Removes a graph editor; false if it was not open. */
    boolean closeGraphEditor(GraphEditorViewModel g) {
        if (!graphEditors.remove(g)) return false;
        forgetAutosave(g.id());
        g.dispose();
        return true;
    }

    ObservableList<EditorViewModel> buffers() {
        return buffers;
    }

    ObservableList<OpenModel> models() {
        return models;
    }

    ObservableList<GraphEditorViewModel> graphEditors() {
        return graphEditors;
    }

    void closeAll() {
        buffers.forEach(EditorViewModel::close);
        List.copyOf(graphEditors).forEach(GraphEditorViewModel::dispose);
    }
}
