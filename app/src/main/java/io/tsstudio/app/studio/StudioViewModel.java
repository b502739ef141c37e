package io.tsstudio.app.studio;

import io.tsstudio.ui.concurrent.FxUiThread;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.CachedOperatorCatalog;
import io.tsstudio.ui.editor.CompletionProvider;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.inspect.InspectorViewModel;
import io.tsstudio.ui.problems.ProblemsViewModel;
import io.tsstudio.ui.session.AutosaveEntry;
import io.tsstudio.ui.session.AutosaveStore;
import io.tsstudio.ui.session.ModelBackend;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.preferences.RecentFiles;
import io.tsstudio.ui.preferences.StudioDirs;
import io.tsstudio.ui.session.Workspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The studio's state and commands, without nodes. It puts together what is open ({@link StudioBuffers}), the
 * commands that go to LibTorch ({@link ModelCommands}), autosave and restore ({@link Recovery}) and what the user is
 * told ({@link StudioMessages}), and is the one face the main window and tests use. Tests drive it directly with the
 * real engine; {@link StudioCommands} routes the window's menu commands to it by the active tab's kind.
 */
public final class StudioViewModel implements AutoCloseable {
    public static final String APP_NAME = "TorchScript Studio";

    private final ModelBackend backend;
    private final LogConsole console;
    private final Workspace workspace = new Workspace();
    private final InspectorViewModel inspector;
    private final ProblemsViewModel problems = new ProblemsViewModel();
    private final StringBinding title;
    private final RecentFiles recent;
    private final StudioDirs dirs;
    private final StudioMessages messages;
    private final StudioBuffers open;
    private final ModelCommands models;
    private final Recovery recovery;

    public StudioViewModel(ModelBackend backend, StudioDirs dirs, Executor fx, LogConsole console) {
        this(backend, dirs, dirs.autosave(), fx, console);
    }

    /** With the autosave folder this studio owns ({@link AutosaveOwnership}: a second live studio gets its own). */
    StudioViewModel(ModelBackend backend, StudioDirs dirs, Path autosaveDir, Executor fx, LogConsole console) {
        this.backend = backend;
        this.dirs = dirs;
        this.console = console;
        this.inspector = new InspectorViewModel(fx);
        this.recent = new RecentFiles(dirs.configDir().resolve("recent-files.txt"), RecentFiles.transientRoots(dirs));
        this.messages = new StudioMessages(fx, console);
        CachedOperatorCatalog operators = new CachedOperatorCatalog(() -> backend.operators().operators());
        this.open = new StudioBuffers(backend, fx, workspace, problems, operators, messages);
        // Background work goes through the process-wide lanes; results come back through fx.
        TaskRunner runner = TaskRunner.on(FxUiThread.delivering(fx));
        this.models = new ModelCommands(backend, fx, runner, open, console, messages, recent, operators);
        this.recovery = new Recovery(new AutosaveStore(autosaveDir), open, fx, runner, console, messages, models::open);
        // A buffer that is saved or closed drops its autosave.
        open.onForgetAutosave(recovery::forget);
        this.title = Bindings.createStringBinding(this::computeTitle, workspace.activeBufferProperty(), workspace.activeModelProperty());
        workspace.activeModelProperty().addListener((o, a, m) -> inspector.show(m == null ? null : m.summary(),
                m == null ? null : backend.tensorValues(m)));
    }

    private String computeTitle() {
        EditorViewModel b = workspace.activeBuffer();
        String name = null;
        if (b != null) name = b.file() != null ? b.file().getFileName().toString() : b.name();
        else if (workspace.activeModel() != null) name = workspace.activeModel().fileName();
        return name == null ? APP_NAME : APP_NAME + " \u2014 " + name;
    }

    /** Loads LibTorch and the operator registry in the background; the window is usable meanwhile. */
    public CompletableFuture<String> warmUp() {
        return models.warmUp();
    }

    /** Waits (bounded) for LibTorch to finish loading: the JVM must not exit inside its static initialisers. */
    public void awaitLibTorchLoaded(long timeoutMillis) {
        models.awaitLibTorchLoaded(timeoutMillis);
    }

    // ---- opening ---------------------------------------------------------------------------------------------

    /** Opens files (several at once) off the FX thread; each failure is reported and the others still open. */
    public CompletableFuture<Void> open(List<Path> files) {
        return models.open(files);
    }

    public CompletableFuture<Void> open(Path file) {
        return models.open(file);
    }

    /** Stops the open the status bar shows; what it loaded is freed and the studio stays as it was. */
    public void cancelOpening() {
        models.cancelOpening();
    }

    /** The open the status bar follows (the latest still running), or null. */
    public ReadOnlyObjectProperty<Opening> openingProperty() {
        return models.openingProperty();
    }

    // ---- buffers ---------------------------------------------------------------------------------------------

    /** A new, empty script of {@code def} functions. */
    public EditorViewModel newScript(String text) {
        return open.newScript(text);
    }

    public void closeBuffer(EditorViewModel b) {
        open.close(b);
    }

    /** Which class of which model the active buffer shows, when it is a module-code tab. */
    Optional<BufferOrigin> activeOrigin() {
        return Optional.ofNullable(open.originOf(workspace.activeBuffer()));
    }

    /**
     * Activates the code tab of {@code className} of {@code model} and moves its caret to a 1-based line and column
     * (the graph-to-code link). False when that class has no open tab.
     */
    boolean revealInClass(OpenModel model, String className, int line, int column) {
        return open.revealInClass(model, className, line, column);
    }

    /** The file a tab stands for: its script file, or the model file its code or state dict came from; null for none. */
    public Path fileOf(EditorViewModel b) {
        return open.fileOf(b);
    }

    /** The model a buffer belongs to (its code tab's model), else the active model. */
    public OpenModel modelFor(EditorViewModel b) {
        return open.modelFor(b);
    }

    public List<EditorViewModel> dirtyBuffers() {
        return open.buffers().stream().filter(EditorViewModel::isDirty).toList();
    }

    /** Names of everything unsaved, editor buffers then graph editors: what the quit prompt lists. */
    public List<String> unsavedWork() {
        List<String> names = new ArrayList<>();
        dirtyBuffers().forEach(b -> names.add(b.name()));
        open.graphEditors().stream().filter(GraphEditorViewModel::isDirty).forEach(g -> names.add(g.displayName()));
        return names;
    }

    // ---- saving and compiling --------------------------------------------------------------------------------

    /** Writes a script buffer's text to {@code target} (atomically) and makes it the buffer's file. */
    public void saveScript(EditorViewModel b, Path target) throws IOException {
        models.saveScript(b, target);
    }

    /** Recompiles a module-code buffer into its loaded module (weights kept). */
    public CompletableFuture<Void> recompile(EditorViewModel b) {
        return models.recompile(b);
    }

    /** Saves the loaded module of a model (atomically, through the engine). */
    public CompletableFuture<Void> saveModel(OpenModel model, Path target) {
        return models.saveModel(model, target);
    }

    /** Compiles a script buffer into a module, saves it as a .pt file and opens it, so it is ready to run. */
    public CompletableFuture<Void> compileToModule(EditorViewModel b, Path target) {
        return models.compileToModule(b, target);
    }

    // ---- autosave and recovery -------------------------------------------------------------------------------

    /** The autosave kind of a graph editor's document; its text is the document's JSON. */
    public static final String GRAPH_MODEL = Recovery.GRAPH_MODEL;

    /**
     * Writes every unsaved buffer and graph-editor document to the autosave directory and removes entries of those
     * that are clean. Call on the FX thread: it takes snapshots there and writes them on the autosave thread; the
     * future completes when they are on disk.
     */
    public CompletableFuture<Void> autosaveNow() {
        return recovery.autosaveNow();
    }

    /** {@link #autosaveNow()} and wait until it is written ("keep for next start"). */
    public void autosaveAndWait() {
        recovery.autosaveAndWait();
    }

    /** Buffers a previous session left unsaved (it crashed or was killed). */
    public List<AutosaveEntry> pendingRecovery() {
        return recovery.pending();
    }

    /** Reopens recovered buffers as unsaved edits: scripts directly, class code after reopening its model. */
    public CompletableFuture<Void> recover(List<AutosaveEntry> entries) {
        return recovery.recover(entries);
    }

    public void discardRecovery(List<AutosaveEntry> entries) {
        recovery.discard(entries);
    }

    // ---- graph editors ---------------------------------------------------------------------------------------

    /** A new, empty graph-editor document (File > New Graph Model). */
    public GraphEditorViewModel newGraphModel() {
        return open.addGraphEditor(new GraphDocument());
    }

    public void closeGraphEditor(GraphEditorViewModel g) {
        open.closeGraphEditor(g);
    }

    /** Open graph-editor documents (the main window shows one tab each). */
    public ObservableList<GraphEditorViewModel> graphEditors() {
        return open.graphEditors();
    }

    // ---- messages --------------------------------------------------------------------------------------------

    /** Clears the error banner. */
    public void dismissError() {
        messages.dismissError();
    }

    /** Errors that need no answer, for the window to show as non-blocking notifications. */
    public ObservableList<String> notices() {
        return messages.notices();
    }

    /** Reports an error that needs no answer (console, status line, a notification). Any thread. */
    public void notice(String message) {
        messages.notice(message);
    }

    public StringProperty statusProperty() {
        return messages.status();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return messages.lastError();
    }

    // ---- accessors -------------------------------------------------------------------------------------------

    public ObservableList<EditorViewModel> buffers() {
        return open.buffers();
    }

    public ObservableList<OpenModel> models() {
        return open.models();
    }

    public Workspace workspace() {
        return workspace;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public ProblemsViewModel problems() {
        return problems;
    }

    public LogConsole console() {
        return console;
    }

    public CompletionProvider completionFor(EditorViewModel b) {
        return open.completionFor(b);
    }

    public BufferKind kindOf(EditorViewModel b) {
        return b.kind();
    }

    public boolean isModelCode(EditorViewModel b) {
        return open.isModelCode(b);
    }

    public StringBinding titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty libtorchProperty() {
        return models.libtorchProperty();
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    public StudioDirs dirs() {
        return dirs;
    }

    public ModelBackend backend() {
        return backend;
    }

    public Executor ioExecutor() {
        return models.io();
    }

    /** Ends the session: a clean exit leaves no autosaves behind (so nothing is "recovered" next time). */
    public void shutdown() {
        recovery.clearAndWait();
        close();
    }

    @Override
    public void close() {
        open.closeAll();
        inspector.close();
        models.close();
        recovery.close();
    }
}
