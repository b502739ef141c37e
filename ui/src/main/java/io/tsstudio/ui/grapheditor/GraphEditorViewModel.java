package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.CompileException;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.ui.concurrent.FxUiThread;
import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.engine.types.TypeRef;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockIssues;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Clipboard;
import io.tsstudio.ui.grapheditor.model.CommandStack;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.DocumentCommand;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.IncompleteGraphException;
import io.tsstudio.ui.grapheditor.model.ScriptGenerator;
import io.tsstudio.ui.run.RunBackend;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The graph editor's state and commands, without a toolkit: palette search, dropping blocks, connecting ports (with
 * the refusal reason as status), selection, moves, copy/paste, delete, undo/redo, properties ({@link PropertySheet}),
 * hit-testing ({@link BlockPicker}), and the generated code kept in step with the graph. The view only forwards
 * gestures here and paints what it reads.
 * <p>
 * Model work (compile, trace, save, open, apply code, export, auto-layout) goes to the {@link ModelSession} as
 * {@link TaskRunner} jobs: each gets a snapshot of the document taken on the UI thread, the canvas keeps accepting
 * edits meanwhile, and the result is applied on the UI thread without losing those edits. Runs happen in another
 * process: the model is exported to the studio's temp directory and run by the {@link RunBackend} (the worker).
 * With {@link TaskRunner#sameThread()} every job finishes before its command returns (tests, tools).
 */
public class GraphEditorViewModel {
    private static final AtomicInteger SCRATCH = new AtomicInteger();

    private final GraphDocument doc;
    private final CommandStack stack;
    private final Palette palette;
    private final BlockPicker picker;
    private final PropertySheet sheet;
    private final TaskRunner runner;
    private final ModelSession session;
    private final ModelJobs jobs;
    private final Set<String> selection = new LinkedHashSet<>();
    private final List<Runnable> repaintListeners = new CopyOnWriteArrayList<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty statusIsError = new SimpleBooleanProperty();
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty resultIr = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper layingOut = new ReadOnlyBooleanWrapper();
    private String moduleOrigin;
    private RunBackend runs;
    private Path scratchRoot = Path.of(System.getProperty("java.io.tmpdir"), "tsstudio");
    private Clipboard clipboard = new Clipboard(List.of(), List.of());
    private int pasteCount;
    private final String id = java.util.UUID.randomUUID().toString();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private long savedRevision;

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

    /**
     * For callers that still hand over executors (the studio until it adopts {@link TaskRunner}): results are applied
     * through {@code ui}; the jobs run on the shared lanes, so {@code worker} is no longer used.
     */
    public GraphEditorViewModel(GraphDocument doc, OperatorCatalog operators, Executor worker, Executor ui) {
        this(doc, operators, TaskRunner.on(FxUiThread.delivering(ui)));
    }

    /** @param session where model work happens; this view model closes it in {@link #dispose()} */
    public GraphEditorViewModel(GraphDocument doc, OperatorCatalog operators, TaskRunner runner, ModelSession session) {
        this.runner = runner;
        this.session = session;
        this.doc = doc;
        this.stack = new CommandStack(doc);
        this.palette = new Palette(operators);
        this.picker = new BlockPicker(doc);
        this.sheet = new PropertySheet(doc);
        this.jobs = new ModelJobs(runner, session, this::info, this::error);
        doc.addListener(d -> documentChanged());
        savedRevision = doc.revision();
        regenerateCode();
    }

    /**
     * Kept for callers that still create an executor per editor; jobs now run on the {@link TaskRunner}'s shared
     * lanes, so the executor stays unused (it starts no thread until given work).
     */
    @Deprecated
    public static ExecutorService newWorker() {
        return new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }

    /** Where Run sends the model: the worker process in the app. Without one, Run says so and runs nothing. */
    public void setRunBackend(RunBackend backend) {
        this.runs = backend;
    }

    /** The folder under which models handed to the worker or the studio are written (default: the studio's temp dir). */
    public void setScratchRoot(Path dir) {
        this.scratchRoot = dir;
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
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** The state now is the saved one (after a save or an open). */
    public void markSaved() {
        markSaved(doc.revision());
    }

    private void markSaved(long revision) {
        savedRevision = revision;
        dirty.set(doc.revision() != savedRevision);
    }

    /** The document holds work that was never saved (a recovered autosave). */
    public void markUnsaved() {
        savedRevision = -1;
        dirty.set(true);
    }

    /** The .pt this document was last opened from or saved to; null for a new graph. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    /** The file a recovered document belongs to (its unsaved edits are not in it). */
    public void setFile(Path f) {
        file.set(f);
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
        return status;
    }

    public BooleanProperty statusIsErrorProperty() {
        return statusIsError;
    }

    public ReadOnlyStringProperty codeProperty() {
        return code;
    }

    /** The last run's output, as text. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    /** True while model work (compile, trace, run, save, open, code, export) is under way; another is refused meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    /** True while an auto-layout is computed. */
    public ReadOnlyBooleanProperty layingOutProperty() {
        return layingOut.getReadOnlyProperty();
    }

    /** The IR of the last compiled or traced module's forward. */
    public ReadOnlyStringProperty resultIrProperty() {
        return resultIr;
    }

    /** Where the session's current module came from ({@code scripted}, {@code traced}, {@code opened}); empty before any. */
    public Optional<String> moduleOrigin() {
        return Optional.ofNullable(moduleOrigin);
    }

    public void addRepaintListener(Runnable r) {
        repaintListeners.add(r);
    }

    protected void info(String message) {
        statusIsError.set(false);
        status.set(message);
    }

    protected void error(String message) {
        statusIsError.set(true);
        status.set(message);
    }

    private Consumer<Runnable> codeScheduler = Runnable::run;
    private boolean codePending;

    /**
     * How code regeneration is scheduled after an edit. By default at once; the view defers it (a short debounce) so
     * an edit reaches the screen without waiting for a large document's code.
     */
    public void setCodeScheduler(Consumer<Runnable> scheduler) {
        this.codeScheduler = scheduler;
    }

    private void documentChanged() {
        dirty.set(doc.revision() != savedRevision);
        selection.removeIf(id -> doc.find(id).isEmpty());
        if (!codePending) {
            codePending = true;
            codeScheduler.accept(() -> {
                codePending = false;
                regenerateCode();
            });
        }
        repaint();
    }

    protected void repaint() {
        for (Runnable r : repaintListeners) r.run();
    }

    private void regenerateCode() {
        try {
            code.set(ScriptGenerator.generate(doc).source());
        } catch (IncompleteGraphException e) {
            code.set("# The graph is not complete yet:\n# " + String.join("\n# ", e.issues()) + "\n");
        } catch (RuntimeException e) {
            code.set("# Cannot generate code: " + e.getMessage() + "\n");
        }
    }

    /** Runs an edit; a refused one leaves the document alone and shows why. Returns whether it happened. */
    public boolean run(DocumentCommand c) {
        runner.checkUiThread();
        try {
            stack.execute(c);
            info(c.label());
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            error(e.getMessage());
            return false;
        }
    }

    // ---- palette ----

    public List<PaletteEntry> searchPalette(String query) {
        return palette.search(query, 400);
    }

    /** Drops a palette entry with its top-left at (x, y) in document coordinates, selects it and returns it. */
    public Optional<Block> drop(PaletteEntry e, double x, double y) {
        Block b = switch (e.kind()) {
            case MODULE -> Blocks.module(doc, e.key(), x, y);
            case OPERATOR -> Blocks.operator(doc, e.key(), x, y);
            case INPUT -> Blocks.input(doc, doc.blocksOf(BlockKind.INPUT).isEmpty() ? "x" : "x" + (doc.blocksOf(BlockKind.INPUT).size() + 1), e.key(), x, y);
            case OUTPUT -> Blocks.output(doc, "out", x, y);
            case CONSTANT -> Blocks.constant(doc, 1L, x, y);
        };
        if (!run(Commands.addBlock(b))) return Optional.empty();
        select(b.id(), false);
        return Optional.of(b);
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
        if (a.output() == b.output()) {
            String why = a.output() ? "connect an output to an input, not to another output" : "connect an input to an output, not to another input";
            error(why);
            return Optional.of(why);
        }
        PortHit out = a.output() ? a : b, in = a.output() ? b : a;
        Connection c = new Connection(out.blockId(), out.port(), in.blockId(), in.port());
        try {
            stack.execute(Commands.connect(c));
            info("Connected " + doc.block(c.fromBlock()).name() + "." + c.fromPort() + " to " + doc.block(c.toBlock()).name() + "." + c.toPort());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            error("Refused: " + e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    public Optional<String> connect(String fromBlock, String fromPort, String toBlock, String toPort) {
        return connect(new PortHit(fromBlock, fromPort, true), new PortHit(toBlock, toPort, false));
    }

    /** Removes the connection into an input port, if any. */
    public void disconnectInput(String blockId, String port) {
        doc.inputConnection(blockId, port).ifPresent(c -> run(Commands.disconnect(c)));
    }

    // ---- selection ----

    public Set<String> selection() {
        return java.util.Collections.unmodifiableSet(selection);
    }

    public boolean isSelected(String id) {
        return selection.contains(id);
    }

    public void select(String id, boolean additive) {
        if (!additive) selection.clear();
        if (additive && selection.contains(id)) selection.remove(id);
        else selection.add(id);
        repaint();
    }

    public void selectAll(Collection<String> ids, boolean additive) {
        if (!additive) selection.clear();
        selection.addAll(ids);
        repaint();
    }

    public void clearSelection() {
        if (selection.isEmpty()) return;
        selection.clear();
        repaint();
    }

    public Optional<Block> singleSelection() {
        return selection.size() == 1 ? doc.find(selection.iterator().next()) : Optional.empty();
    }

    // ---- edits on the selection ----

    /** Moves the selected blocks by (dx, dy) as one undoable step (called when a drag ends). */
    public void moveSelection(double dx, double dy) {
        if (selection.isEmpty() || dx == 0 && dy == 0) return;
        Map<String, double[]> to = new LinkedHashMap<>();
        for (String id : selection) {
            Block b = doc.block(id);
            to.put(id, new double[] {b.x() + dx, b.y() + dy});
        }
        run(Commands.move(to));
    }

    public void deleteSelection() {
        if (selection.isEmpty()) return;
        run(Commands.removeBlocks(new ArrayList<>(selection)));
    }

    public void copySelection() {
        if (selection.isEmpty()) return;
        clipboard = Commands.copy(doc, selection);
        pasteCount = 0;
        info("Copied " + clipboard.blocks().size() + " block" + (clipboard.blocks().size() == 1 ? "" : "s"));
    }

    public void cutSelection() {
        copySelection();
        deleteSelection();
    }

    public void paste() {
        if (clipboard.isEmpty()) return;
        pasteCount++;
        List<String> pasted = new ArrayList<>();
        if (run(clipboard.pasteInto(doc, 30.0 * pasteCount, 30.0 * pasteCount, pasted))) selectAll(pasted, false);
    }

    public void undo() {
        Optional<String> label = stack.undoLabel();
        stack.undo();
        label.ifPresent(l -> info("Undid " + l));
    }

    public void redo() {
        Optional<String> label = stack.redoLabel();
        stack.redo();
        label.ifPresent(l -> info("Redid " + l));
    }

    // ---- issues ----

    private final Map<String, List<String>> issueCache = new java.util.HashMap<>();
    private long issueRevision = -1;

    /** The block's issues, computed once per document revision (the canvas asks on every frame). */
    public List<String> issues(Block b) {
        if (issueRevision != doc.revision()) {
            issueCache.clear();
            issueRevision = doc.revision();
        }
        return issueCache.computeIfAbsent(b.id(), id -> BlockIssues.of(doc, doc.block(id)));
    }

    // ---- properties ----

    /** Rows for the properties pane of the single selected block (empty otherwise). */
    public List<PropertyRow> properties() {
        return singleSelection().map(sheet::rows).orElse(List.of());
    }

    /** Applies text typed into the properties pane; returns the error shown, empty when applied. Empty text resets to the default. */
    public Optional<String> setProperty(String key, String text) {
        Optional<Block> sel = singleSelection();
        if (sel.isEmpty()) return Optional.of("select one block to edit its properties");
        Block b = sel.get();
        try {
            DocumentCommand c = sheet.command(b, key, text.strip());
            if (c == null) return Optional.empty();
            if (run(c)) return Optional.empty();
            return Optional.of(status.get());
        } catch (IllegalArgumentException e) {
            error(key + ": " + e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    // ---- model work: snapshots to the session, results back on the UI thread ----

    /** ELK layout of the whole graph as one undoable step, computed off the UI thread. */
    public CompletableFuture<Boolean> autoLayout() {
        runner.checkUiThread();
        if (doc.size() == 0 || jobs.isDisposed()) return CompletableFuture.completedFuture(false);
        if (layingOut.get()) {
            error("Still laying out; wait for it to finish");
            return CompletableFuture.completedFuture(false);
        }
        layingOut.set(true);
        GraphDocument snapshot = snapshot();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        runner.submit(Lane.LAYOUT, c -> session.layout(snapshot, Set.of())).result().whenComplete((positions, e) -> {
            layingOut.set(false);
            if (e != null) {
                error("Cannot lay out: " + message(e));
                done.complete(false);
                return;
            }
            // blocks deleted while the layout ran are skipped; blocks added meanwhile stay where they were put
            Map<String, double[]> still = new LinkedHashMap<>();
            positions.forEach((id, xy) -> {
                if (doc.find(id).isPresent()) still.put(id, xy);
            });
            done.complete(!still.isEmpty() && run(Commands.layout(still)));
        });
        return done;
    }

    /** Generates and compiles the document as it is now; completes with whether it compiled. */
    public CompletableFuture<Boolean> compile() {
        GraphDocument snapshot = snapshotOnUiThread();
        return jobs.run("compiling", snapshot.title(), c -> session.compile(snapshot), built -> {
            keepModule("scripted", built.ir());
            info("Compiled " + snapshot.title() + ": " + built.summary());
            return done(true);
        }, e -> fail(compileFailure("Cannot compile", e)));
    }

    /** Traces the document on its example inputs; completes with whether it traced. */
    public CompletableFuture<Boolean> trace() {
        GraphDocument snapshot = snapshotOnUiThread();
        return jobs.run("tracing", snapshot.title(), c -> session.trace(snapshot), built -> {
            keepModule("traced", built.ir());
            info("Traced " + snapshot.title() + " on example inputs");
            return done(true);
        }, e -> fail(compileFailure("Cannot trace", e)));
    }

    /**
     * Runs the last module (compiling first if there is none) on the example inputs in the worker process: the model
     * and its inputs are written to the studio's temp directory and the {@link RunBackend} loads and runs them there.
     */
    public CompletableFuture<Boolean> runExample() {
        GraphDocument snapshot = snapshotOnUiThread();
        RunBackend backend = runs;
        if (backend == null) {
            error("Cannot run: no worker process to run the model in");
            return done(false);
        }
        Path dir = scratchDir("run");
        return jobs.run("running", snapshot.title(), c -> session.export(snapshot, dir), model -> {
            String origin = moduleOrigin == null ? "scripted" : moduleOrigin;
            if (moduleOrigin == null) keepModule("scripted", resultIr.get());
            CompletableFuture<Boolean> ran = new CompletableFuture<>();
            backend.load(model.file(), "cpu")
                    .thenCompose(methods -> backend.run(new RunRequest("forward", model.argsJson(), RunPlan.single()), (phase, n, total) -> { }))
                    .whenComplete((outcome, e) -> runner.ui().execute(() -> {
                        deleteQuietly(dir);
                        if (e != null) {
                            error("Run failed: " + message(e));
                            ran.complete(false);
                            return;
                        }
                        result.set("Output of the " + origin + " module:\n" + describe(outcome.output(), ""));
                        info("Ran the " + origin + " module in the worker process");
                        ran.complete(true);
                    }));
            return ran;
        }, e -> {
            deleteQuietly(dir);
            return fail(compileFailure("Run failed", e));
        });
    }

    /**
     * Compiles the document as it is now and writes a .pt that carries it. Edits made while it is written stay, and
     * keep the editor dirty: they are not in the file.
     */
    public CompletableFuture<Boolean> save(Path path) {
        GraphDocument snapshot = snapshotOnUiThread();
        long revision = doc.revision();
        return jobs.run("saving", snapshot.title(), c -> {
            session.save(snapshot, path);
            return path;
        }, saved -> {
            keepModule("scripted", resultIr.get());
            file.set(path.toAbsolutePath().normalize());
            markSaved(revision);
            info("Saved " + path.getFileName() + " (TorchScript with the graph inside)"
                    + (isDirty() ? "; edits made while saving are not in it yet" : ""));
            return done(true);
        }, e -> fail(compileFailure("Cannot save " + path, e)));
    }

    /**
     * Opens a .pt: its own graph document when it carries one (weights read back from the module), otherwise its
     * forward turned into blocks. History starts afresh, unless the canvas was edited while the file was read: then
     * the open is one undoable step, so those edits come back with Undo. Completes with what could not become blocks.
     */
    public CompletableFuture<List<String>> open(Path path) {
        runner.checkUiThread();
        long revision = doc.revision();
        return jobs.run("opening", path.getFileName().toString(), c -> session.open(path), opened -> {
            boolean editedMeanwhile = doc.revision() != revision;
            keepModule("opened", opened.ir());
            stack.execute(Commands.replaceAll("Open " + path.getFileName(), opened.document()));
            if (!editedMeanwhile) stack.clear();
            selection.clear();
            file.set(path.toAbsolutePath().normalize());
            markSaved();
            if (!opened.skipped().isEmpty()) error("Opened " + path.getFileName() + "; extra files too large to read: " + String.join("; ", opened.skipped()));
            else if (!opened.unmapped().isEmpty()) error("Opened " + path.getFileName() + "; not shown as blocks: " + String.join("; ", opened.unmapped()));
            else if (editedMeanwhile) info("Opened " + path.getFileName() + "; Undo brings back the edits made while it was read");
            else info("Opened " + path.getFileName() + (opened.carriedGraph() ? " with its graph" : " as a new graph"));
            repaint();
            return done(opened.unmapped());
        }, e -> {
            error("Cannot open " + path + ": " + message(e));
            return done(List.of(message(e)));
        });
    }

    /**
     * Compiles hand-edited code and updates the graph where it still maps (one undoable step). Completes with what no
     * longer maps; a compile error is shown with its line and changes nothing. If the canvas was edited while the
     * code compiled, the graph is left as edited (nothing is lost) and the status asks to apply again.
     */
    public CompletableFuture<List<String>> applyCode(String edited) {
        GraphDocument snapshot = snapshotOnUiThread();
        long revision = doc.revision();
        return jobs.run("applying code to", snapshot.title(), c -> session.applyCode(edited, snapshot), applied -> {
            keepModule("scripted", applied.ir());
            if (doc.revision() != revision) {
                String why = "The graph was edited while the code compiled; the edits are kept. Apply the code again to use it";
                error(why);
                return done(List.of(why));
            }
            stack.execute(Commands.replaceAll("Apply code", applied.document()));
            if (applied.unmapped().isEmpty()) info("Code applied to the graph");
            else error("Code compiled; not shown as blocks: " + String.join("; ", applied.unmapped()));
            return done(applied.unmapped());
        }, e -> {
            if (e instanceof CompileException ce) {
                error("Compile error at line " + ce.line() + ": " + ce.shortMessage());
                return done(List.of("line " + ce.line() + ": " + ce.shortMessage()));
            }
            error("Cannot apply the code: " + message(e));
            return done(List.of(message(e)));
        });
    }

    /**
     * Writes the current module (compiling first if there is none) with the document inside to the studio's temp
     * directory, for the studio to open in its graph view and run panel.
     */
    public CompletableFuture<Optional<Path>> exportToTemp() {
        GraphDocument snapshot = snapshotOnUiThread();
        Path dir = scratchDir("studio");
        return jobs.run("handing over", snapshot.title(), c -> session.export(snapshot, dir), model -> {
            if (moduleOrigin == null) keepModule("scripted", resultIr.get());
            model.file().toFile().deleteOnExit();
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().deleteOnExit());
            } catch (IOException ignored) {
                // the inputs beside the model are small; left over at worst
            }
            dir.toFile().deleteOnExit();
            return done(Optional.of(model.file()));
        }, e -> {
            error("Cannot hand the model to the studio: " + message(e));
            return done(Optional.empty());
        });
    }

    /** Frees the session (module and weights); after a job still under way, once it is done. */
    public void dispose() {
        jobs.dispose();
    }

    private void keepModule(String origin, String ir) {
        moduleOrigin = origin;
        resultIr.set(ir == null ? "" : ir);
    }

    /** Checks the thread, then copies the document for a job: the canvas keeps changing while the job runs. */
    private GraphDocument snapshotOnUiThread() {
        runner.checkUiThread();
        return snapshot();
    }

    private GraphDocument snapshot() {
        return DocumentJson.read(DocumentJson.write(doc));
    }

    private Path scratchDir(String what) {
        return scratchRoot.resolve("graph-" + id.substring(0, 8) + "-" + what + "-" + SCRATCH.incrementAndGet());
    }

    private String compileFailure(String prefix, Throwable e) {
        if (e instanceof IncompleteGraphException g) return prefix + ": " + String.join("; ", g.issues());
        if (e instanceof CompileException c) return "Compile error at line " + c.line() + ": " + c.shortMessage();
        return prefix + ": " + message(e);
    }

    private CompletableFuture<Boolean> fail(String message) {
        error(message);
        return done(false);
    }

    private static <R> CompletableFuture<R> done(R value) {
        return CompletableFuture.completedFuture(value);
    }

    private static String message(Throwable e) {
        Throwable t = ModelJobs.unwrap(e);
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** A worker's output tree as text: one line per node, a tensor with its first values, children indented. */
    static String describe(OutputNode n, String indent) {
        StringBuilder b = new StringBuilder(indent).append(n.text()).append('\n');
        if (n.hasTensor() && n.tensor() != null) {
            double[] v = n.tensor().values();
            b.append(indent).append('[');
            for (int i = 0; i < Math.min(v.length, 64); i++) {
                if (i > 0) b.append(", ");
                b.append(String.format(java.util.Locale.ROOT, "%.5g", v[i]));
            }
            b.append(n.tensor().numel() > Math.min(v.length, 64) ? ", ...]" : "]").append('\n');
        }
        for (OutputNode c : n.children()) b.append(describe(c, indent + "  "));
        return b.toString();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a scratch folder in the temp dir; the OS cleans it at worst
        }
    }
}
