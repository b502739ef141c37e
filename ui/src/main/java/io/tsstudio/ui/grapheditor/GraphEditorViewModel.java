package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.CommandStack;
import io.tsstudio.ui.grapheditor.model.DocumentCommand;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.run.RunBackend;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The graph editor's state and commands, without a toolkit: palette search, dropping blocks, connecting ports (with
 * the refusal reason as status), selection ({@link BlockSelection}), moves, copy/paste, delete, undo/redo, properties
 * ({@link PropertySheet}), hit-testing ({@link BlockPicker}), and the generated code kept in step with the graph
 * ({@link GeneratedCode}). The view only forwards gestures here and paints what it reads.
 * <p>
 * Model work (compile, trace, run, save, open, apply code, export, auto-layout) is {@link ModelWork}'s: jobs on the
 * {@link TaskRunner} against a {@link ModelSession}, each on a snapshot of the document, with results applied on the
 * UI thread without losing the edits made meanwhile. Runs happen in another process, the {@link RunBackend}.
 * With {@link TaskRunner#sameThread()} every job finishes before its command returns (tests, tools).
 */
public class GraphEditorViewModel {
    private final String id = UUID.randomUUID().toString();
    private final GraphDocument doc;
    private final CommandStack stack;
    private final Palette palette;
    private final BlockPicker picker;
    private final PropertySheet sheet;
    private final IssueCache issues;
    private final StatusLine status = new StatusLine();
    private final SaveState saveState;
    private final BlockSelection selection;
    private final GeneratedCode code;
    private final ScratchFolders scratch = new ScratchFolders(id);
    private final ModelWork work;
    private final DocumentEdits edits;
    private final List<Runnable> repaintListeners = new CopyOnWriteArrayList<>();

    /** Model work happens in place on the calling thread (tests, tools), with the real LibTorch session. */
    public GraphEditorViewModel(OperatorCatalog operators) {
        this(new GraphDocument(), operators);
    }

    public GraphEditorViewModel(GraphDocument doc, OperatorCatalog operators) {
        this(doc, operators, TaskRunner.sameThread());
    }

    /** The real LibTorch session, jobs on {@code runner}'s lanes. */
    public GraphEditorViewModel(GraphDocument doc, OperatorCatalog operators, TaskRunner runner) {
        this(doc, operators, runner, new TorchModelSession(runner));
    }

    /** @param session where model work happens; this view model closes it in {@link #dispose()} */
    public GraphEditorViewModel(GraphDocument doc, OperatorCatalog operators, TaskRunner runner, ModelSession session) {
        this.doc = doc;
        this.stack = new CommandStack(doc);
        this.palette = new Palette(operators);
        this.picker = new BlockPicker(doc);
        this.sheet = new PropertySheet(doc);
        this.issues = new IssueCache(doc);
        this.saveState = new SaveState(this, doc);
        this.selection = new BlockSelection(doc, this::repaint);
        this.code = new GeneratedCode(doc);
        this.edits = new DocumentEdits(runner, stack, status, selection, sheet);
        this.work = new ModelWork(runner, session,
                new ModelWork.Editor(doc, stack, status, saveState, selection, this::run, this::repaint, scratch));
        doc.addListener(d -> documentChanged());
    }

    /** Where Run sends the model: the worker process in the app. Without one, Run says so and runs nothing. */
    public void setRunBackend(RunBackend backend) {
        work.setRunBackend(backend);
    }

    /** The folder under which models handed to the worker or the studio are written (default: the studio's temp dir). */
    public void setScratchRoot(Path dir) {
        scratch.setRoot(dir);
    }

    /** Stable for this editor's life: names its autosave entry. */
    public String id() {
        return id;
    }

    /** What the studio calls this editor (tab, quit prompt, recovery): {@code Graph: <title>}. */
    public String displayName() {
        return "Graph: " + doc.title();
    }

    /** True when the document changed since it was opened, saved, or started empty. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return saveState.dirtyProperty();
    }

    public boolean isDirty() {
        return saveState.isDirty();
    }

    /** The state now is the saved one (after a save or an open). */
    public void markSaved() {
        saveState.markSaved(doc.revision());
    }

    /** The document holds work that was never saved (a recovered autosave). */
    public void markUnsaved() {
        saveState.markUnsaved();
    }

    /** The .pt this document was last opened from or saved to; null for a new graph. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return saveState.fileProperty();
    }

    public Path file() {
        return saveState.file();
    }

    /** The file a recovered document belongs to (its unsaved edits are not in it). */
    public void setFile(Path f) {
        saveState.setFile(f);
    }

    public GraphDocument document() {
        return doc;
    }

    public CommandStack commands() {
        return stack;
    }

    public Palette palette() {
        return palette;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    public BooleanProperty statusIsErrorProperty() {
        return status.isErrorProperty();
    }

    public ReadOnlyStringProperty codeProperty() {
        return code.codeProperty();
    }

    /** The last run's output, as text. */
    public ReadOnlyStringProperty resultProperty() {
        return work.resultProperty();
    }

    /** True while model work (compile, trace, run, save, open, code, export) is under way; another is refused meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** True while an auto-layout is computed. */
    public ReadOnlyBooleanProperty layingOutProperty() {
        return work.layingOutProperty();
    }

    /** The IR of the last compiled or traced module's forward. */
    public ReadOnlyStringProperty resultIrProperty() {
        return work.resultIrProperty();
    }

    /** Where the session's current module came from ({@code scripted}, {@code traced}, {@code opened}); empty before any. */
    public Optional<String> moduleOrigin() {
        return work.moduleOrigin();
    }

    public void addRepaintListener(Runnable r) {
        repaintListeners.add(r);
    }

    /**
     * How code regeneration is scheduled after an edit. By default at once; the view defers it (a short debounce) so
     * an edit reaches the screen without waiting for a large document's code.
     */
    public void setCodeScheduler(Consumer<Runnable> scheduler) {
        code.setScheduler(scheduler);
    }

    private void documentChanged() {
        saveState.documentChanged();
        selection.dropDeleted();
        code.documentChanged();
        repaint();
    }

    private void repaint() {
        for (Runnable r : repaintListeners) r.run();
    }

    /** Runs an edit; a refused one leaves the document alone and shows why. Returns whether it happened. */
    public boolean run(DocumentCommand c) {
        return edits.run(c);
    }

    // ---- palette ----

    public List<PaletteEntry> searchPalette(String query) {
        return palette.search(query, 400);
    }

    /** Drops a palette entry with its top-left at (x, y) in document coordinates, selects it and returns it. */
    public Optional<Block> drop(PaletteEntry e, double x, double y) {
        return edits.drop(e, x, y);
    }

    // ---- picking ----

    public Optional<Block> blockAt(double x, double y) {
        return picker.blockAt(x, y);
    }

    public Optional<PortHit> portAt(double x, double y) {
        return picker.portAt(x, y);
    }

    public Collection<Block> blocksIn(double x0, double y0, double x1, double y1) {
        return picker.blocksIn(x0, y0, x1, y1);
    }

    // ---- connecting ----

    /** Connects two ports given in either order (output to input). Returns the refusal reason, empty when connected. */
    public Optional<String> connect(PortHit a, PortHit b) {
        return edits.connect(a, b);
    }

    public Optional<String> connect(String fromBlock, String fromPort, String toBlock, String toPort) {
        return connect(new PortHit(fromBlock, fromPort, true), new PortHit(toBlock, toPort, false));
    }

    /** Removes the connection into an input port, if any. */
    public void disconnectInput(String blockId, String port) {
        edits.disconnectInput(blockId, port);
    }

    // ---- selection ----

    public Set<String> selection() {
        return selection.ids();
    }

    public boolean isSelected(String id) {
        return selection.contains(id);
    }

    public void select(String id, boolean additive) {
        selection.select(id, additive);
    }

    public void selectAll(Collection<String> ids, boolean additive) {
        selection.selectAll(ids, additive);
    }

    public void clearSelection() {
        selection.clear();
    }

    public Optional<Block> singleSelection() {
        return selection.single();
    }

    // ---- edits on the selection ----

    /** Moves the selected blocks by (dx, dy) as one undoable step (called when a drag ends). */
    public void moveSelection(double dx, double dy) {
        edits.moveSelection(dx, dy);
    }

    public void deleteSelection() {
        edits.deleteSelection();
    }

    public void copySelection() {
        edits.copySelection();
    }

    public void cutSelection() {
        edits.copySelection();
        edits.deleteSelection();
    }

    public void paste() {
        edits.paste();
    }

    public void undo() {
        edits.undo();
    }

    public void redo() {
        edits.redo();
    }

    /** The block's issues, computed once per document revision (the canvas asks on every frame). */
    public List<String> issues(Block b) {
        return issues.of(b);
    }

    // ---- properties ----

    /** Rows for the properties pane of the single selected block (empty otherwise). */
    public List<PropertyRow> properties() {
        return singleSelection().map(sheet::rows).orElse(List.of());
    }

    /** Applies text typed into the properties pane; returns the error shown, empty when applied. Empty text resets to the default. */
    public Optional<String> setProperty(String key, String text) {
        return edits.setProperty(key, text);
    }

    // ---- model work (see ModelWork) ----

    /** ELK layout of the whole graph as one undoable step, computed off the UI thread. */
    public CompletableFuture<Boolean> autoLayout() {
        return work.autoLayout();
    }

    /** Generates and compiles the document as it is now; completes with whether it compiled. */
    public CompletableFuture<Boolean> compile() {
        return work.compile();
    }

    /** Traces the document on its example inputs; completes with whether it traced. */
    public CompletableFuture<Boolean> trace() {
        return work.trace();
    }

    /**
     * Runs the last module (compiling first if there is none) on the example inputs in the worker process: the model
     * and its inputs are written to the studio's temp directory and the {@link RunBackend} loads and runs them there.
     */
    public CompletableFuture<Boolean> runExample() {
        return work.runExample();
    }

    /**
     * Compiles the document as it is now and writes a .pt that carries it. Edits made while it is written stay, and
     * keep the editor dirty: they are not in the file.
     */
    public CompletableFuture<Boolean> save(Path path) {
        return work.save(path);
    }

    /**
     * Opens a .pt: its own graph document when it carries one (weights read back from the module), otherwise its
     * forward turned into blocks. History starts afresh, unless the canvas was edited while the file was read: then
     * the open is one undoable step, so those edits come back with Undo. Completes with what could not become blocks.
     */
    public CompletableFuture<List<String>> open(Path path) {
        return work.open(path);
    }

    /**
     * Compiles hand-edited code and updates the graph where it still maps (one undoable step). Completes with what no
     * longer maps; a compile error is shown with its line and changes nothing. If the canvas was edited while the
     * code compiled, the graph is left as edited (nothing is lost) and the status asks to apply again.
     */
    public CompletableFuture<List<String>> applyCode(String edited) {
        return work.applyCode(edited);
    }

    /**
     * Writes the current module (compiling first if there is none) with the document inside to the studio's temp
     * directory, for the studio to open in its graph view and run panel.
     */
    public CompletableFuture<Optional<Path>> exportToTemp() {
        return work.exportToTemp();
    }

    /** Frees the session (module and weights); after a job still under way, once it is done. */
    public void dispose() {
        work.dispose();
    }
}
