package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.types.TypeRef;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockIssues;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.BlockSignature;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Clipboard;
import io.tsstudio.ui.grapheditor.model.CommandStack;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.DocumentCommand;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.IncompleteGraphException;
import io.tsstudio.ui.grapheditor.model.Literals;
import io.tsstudio.ui.grapheditor.model.NnModuleSpec;
import io.tsstudio.ui.grapheditor.model.NnModules;
import io.tsstudio.ui.grapheditor.model.PortSpec;
import io.tsstudio.ui.grapheditor.model.ScriptGenerator;
import io.tsstudio.ui.grapheditor.model.SettingSpec;
import io.tsstudio.ui.grapheditor.model.Signatures;
import io.tsstudio.ui.grapheditor.script.BuiltModel;
import io.tsstudio.ui.grapheditor.script.CodeSync;
import io.tsstudio.ui.grapheditor.script.ExampleInputs;
import io.tsstudio.ui.grapheditor.script.GraphArchive;
import io.tsstudio.ui.grapheditor.script.GraphTracer;
import io.tsstudio.ui.grapheditor.script.IrImport;
import io.tsstudio.ui.grapheditor.script.ModelWeights;
import io.tsstudio.ui.grapheditor.script.ScriptBuilder;
import io.tsstudio.engine.CompileException;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Everything the graph editor does, without a toolkit: palette search, dropping blocks, connecting ports (with the
 * refusal reason as status), selection, moves, copy/paste, delete, undo/redo, properties, auto-layout, and the
 * generated code kept in step with the graph. The view only forwards gestures here and paints what it reads.
 * <p>
 * Compile, Trace and Run have background forms ({@link #compileInBackground()} ...): LibTorch's work runs on the
 * worker executor and the result is applied on the UI executor, so a large or hanging model does not freeze the
 * window. Tests pass direct executors and stay synchronous.
 */
public class GraphEditorViewModel {
    private final GraphDocument doc;
    private final CommandStack stack;
    private final Palette palette;
    private final Set<String> selection = new LinkedHashSet<>();
    private final BlockIndex index = new BlockIndex();
    private final List<Runnable> repaintListeners = new CopyOnWriteArrayList<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty statusIsError = new SimpleBooleanProperty();
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty resultIr = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private String busyWith = "";
    private boolean disposed;
    private final Executor worker;
    private final Executor ui;
    private ModelWeights weights = new ModelWeights();
    private ScriptModule module;
    private String moduleOrigin = "";
    private Clipboard clipboard = new Clipboard(List.of(), List.of());
    private int pasteCount;
    private final String id = java.util.UUID.randomUUID().toString();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Path> file = new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "file");
    private long savedRevision;

    /** Compile, Trace and Run happen on the calling thread (tests, tools). */
    public GraphEditorViewModel(OperatorCatalog operators) {
        this(new GraphDocument(), operators);
    }

    public GraphEditorViewModel(GraphDocument doc, OperatorCatalog operators) {
        this(doc, operators, Runnable::run, Runnable::run);
    }

    /**
     * @param worker where LibTorch work of the background forms runs (e.g. {@link #newWorker()})
     * @param ui     where results are applied (the JavaFX thread: {@code Platform::runLater})
     */
    public GraphEditorViewModel(OperatorCatalog operators, Executor worker, Executor ui) {
        this(new GraphDocument(), operators, worker, ui);
    }

    public GraphEditorViewModel(GraphDocument doc, OperatorCatalog operators, Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
        this.doc = doc;
        this.stack = new CommandStack(doc);
        this.palette = new Palette(operators);
        doc.addListener(d -> documentChanged());
        savedRevision = doc.revision();
        regenerateCode();
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
        savedRevision = doc.revision();
        dirty.set(false);
    }

    /** The document holds work that was never saved (a recovered autosave). */
    public void markUnsaved() {
        savedRevision = -1;
        dirty.set(true);
    }

    /** The .pt this document was last opened from or saved to; null for a new graph. */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> fileProperty() {
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

    /** True while a background compile, trace or run is under way; those refuse to start again meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * A single daemon worker thread that ends when idle, for {@link #GraphEditorViewModel(OperatorCatalog, Executor,
     * Executor)}. One thread keeps the module's calls in order; a model that never returns holds only this thread.
     */
    public static ExecutorService newWorker() {
        return new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "graph-editor-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The IR of the last compiled or traced module's forward. */
    public ReadOnlyStringProperty resultIrProperty() {
        return resultIr;
    }

    /** The last compiled or traced module (owned by this view model; valid until the next compile, trace or open). */
    public Optional<ScriptModule> module() {
        return Optional.ofNullable(module);
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

    private java.util.function.Consumer<Runnable> codeScheduler = Runnable::run;
    private boolean codePending;

    /**
     * How code regeneration is scheduled after an edit. By default at once; the view defers it (a short debounce) so
     * an edit reaches the screen without waiting for a large document's code.
     */
    public void setCodeScheduler(java.util.function.Consumer<Runnable> scheduler) {
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
        index.refresh(doc);
        Block hit = null;
        // later blocks paint on top, so the last one containing the point wins
        for (Block b : index.query(x, y, x, y)) if (BlockGeometry.contains(b, x, y)) hit = b;
        return Optional.ofNullable(hit);
    }

    public Optional<PortHit> portAt(double x, double y) {
        index.refresh(doc);
        double r = BlockGeometry.PORT_RADIUS + 3;
        for (Block b : index.query(x - r, y - r, x + r, y + r)) {
            BlockSignature s = Signatures.of(b);
            for (int i = 0; i < s.inputs().size(); i++) {
                if (Math.abs(x - BlockGeometry.inputX(b)) <= r && Math.abs(y - BlockGeometry.inputY(b, i)) <= r) {
                    return Optional.of(new PortHit(b.id(), s.inputs().get(i).name(), false));
                }
            }
            for (int i = 0; i < s.outputs().size(); i++) {
                if (Math.abs(x - BlockGeometry.outputX(b)) <= r && Math.abs(y - BlockGeometry.outputY(b, i)) <= r) {
                    return Optional.of(new PortHit(b.id(), s.outputs().get(i).name(), true));
                }
            }
        }
        return Optional.empty();
    }

    public Collection<Block> blocksIn(double x0, double y0, double x1, double y1) {
        index.refresh(doc);
        return index.query(x0, y0, x1, y1);
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

    /** ELK layout of the whole graph as one undoable step. */
    public void autoLayout() {
        if (doc.size() == 0) return;
        run(Commands.layout(AutoLayout.positions(doc, Set.of())));
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
        Optional<Block> sel = singleSelection();
        if (sel.isEmpty()) return List.of();
        Block b = sel.get();
        List<PropertyRow> rows = new ArrayList<>();
        rows.add(new PropertyRow("name", "identifier", b.name(), true, ""));
        switch (b.kind()) {
            case INPUT -> {
                rows.add(new PropertyRow("type", "type", b.type(), true, "Tensor, int, float, List[int], ..."));
                rows.add(new PropertyRow(ExampleInputs.SETTING, b.type().equals("Tensor") ? "shape" : b.type(),
                        Literals.render(ExampleInputs.exampleOf(doc, b)), true, "example used to run and trace"));
            }
            case OUTPUT -> rows.add(new PropertyRow("type", "type", b.type(), true, "Tensor, int, float, List[int], ..."));
            case CONSTANT -> rows.add(new PropertyRow("value", b.type(), Literals.render(b.setting("value")), true, "a literal: 3, 0.5, True, [1, 2], \"text\""));
            case MODULE -> {
                NnModuleSpec spec = NnModules.find(b.type()).orElse(null);
                if (spec != null) {
                    for (SettingSpec s : spec.settings()) {
                        Object v = b.settings().containsKey(s.name()) ? b.setting(s.name()) : s.defaultValue();
                        rows.add(new PropertyRow(s.name(), s.type().toString(), Literals.render(v), true, "default " + Literals.render(s.defaultValue())));
                    }
                } else {
                    rows.add(new PropertyRow("module", "class", b.type(), false, "kept from the imported model with its weights"));
                }
            }
            case OPERATOR -> {
                for (PortSpec p : Signatures.of(b).inputs()) {
                    boolean connected = doc.inputConnection(b.id(), p.name()).isPresent();
                    if (connected) {
                        rows.add(new PropertyRow(p.name(), p.type().toString(), "", false, "connected"));
                    } else if (Literals.isTypable(p.type())) {
                        String text = b.settings().containsKey(p.name()) ? Literals.render(b.setting(p.name())) : "";
                        rows.add(new PropertyRow(p.name(), p.type().toString(), text, true, p.defaultValue().map(d -> "default " + d).orElse("required")));
                    } else {
                        rows.add(new PropertyRow(p.name(), p.type().toString(), "", false, p.hasDefault() ? "default " + p.defaultValue().get() : "connect a " + p.type()));
                    }
                }
            }
        }
        return rows;
    }

    /** Applies text typed into the properties pane; returns the error shown, empty when applied. Empty text resets to the default. */
    public Optional<String> setProperty(String key, String text) {
        Optional<Block> sel = singleSelection();
        if (sel.isEmpty()) return Optional.of("select one block to edit its properties");
        Block b = sel.get();
        try {
            DocumentCommand c = propertyCommand(b, key, text.strip());
            if (c == null) return Optional.empty();
            if (run(c)) return Optional.empty();
            return Optional.of(status.get());
        } catch (IllegalArgumentException e) {
            error(key + ": " + e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    private DocumentCommand propertyCommand(Block b, String key, String text) {
        if (key.equals("name")) return text.equals(b.name()) ? null : Commands.rename(b.id(), text);
        if (key.equals("type") && (b.kind() == BlockKind.INPUT || b.kind() == BlockKind.OUTPUT)) {
            return TypeRef.parse(text).toString().equals(b.type()) ? null : Commands.setType(b.id(), text);
        }
        switch (b.kind()) {
            case CONSTANT -> {
                return Commands.setSetting(b.id(), "value", parseAnyLiteral(text));
            }
            case INPUT -> {
                if (!key.equals(ExampleInputs.SETTING)) throw new IllegalArgumentException("an input has no property '" + key + "'");
                if (text.isEmpty()) return b.settings().containsKey(key) ? Commands.clearSetting(b.id(), key) : null;
                TypeRef t = b.type().equals("Tensor") ? TypeRef.listOf(TypeRef.INT) : TypeRef.parse(b.type());
                return Commands.setSetting(b.id(), key, Literals.parse(text, t));
            }
            case MODULE -> {
                SettingSpec s = NnModules.get(b.type()).settings().stream().filter(x -> x.name().equals(key)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(b.type() + " has no setting '" + key + "'"));
                if (text.isEmpty()) return Commands.clearSetting(b.id(), key);
                return Commands.setSetting(b.id(), key, Literals.parse(text, s.type()));
            }
            case OPERATOR -> {
                PortSpec p = Signatures.of(b).input(key).orElseThrow(() -> new IllegalArgumentException(b.type() + " has no input '" + key + "'"));
                if (text.isEmpty()) return b.settings().containsKey(key) ? Commands.clearSetting(b.id(), key) : null;
                return Commands.setSetting(b.id(), key, Literals.parse(text, p.type()));
            }
            default -> throw new IllegalArgumentException(b.name() + " has no property '" + key + "'");
        }
    }

    /** A constant typed in: int, float, bool, None, list of numbers, else a string. */
    static Object parseAnyLiteral(String t) {
        if (t.equals("None")) return null;
        if (t.equals("True") || t.equals("False")) return t.equals("True");
        if (t.startsWith("[")) {
            boolean floats = t.contains(".") || t.contains("e");
            return Literals.parse(t, TypeRef.listOf(floats ? TypeRef.FLOAT : TypeRef.INT));
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e2) {
                return Literals.parse(t, TypeRef.STR);
            }
        }
    }
    // ---- TorchScript: compile, trace, run, save, open, code back to graph ----

    private void setModule(ScriptModule m, String origin) {
        if (module != null && module != m) module.close();
        module = m;
        moduleOrigin = origin;
        try {
            resultIr.set(m.graphText("forward"));
        } catch (RuntimeException e) {
            resultIr.set("");
        }
    }

    /** The Script path: generate, compile, keep the module. Returns whether it compiled. */
    public boolean compile() {
        return compileWork(doc).getAsBoolean();
    }

    /** The Trace path: run the graph on the example inputs with the tracer on and keep the traced module. */
    public boolean trace() {
        return traceWork(doc).getAsBoolean();
    }

    /** Runs the last module (compiling first if there is none) on the example inputs and shows the output. */
    public boolean runExample() {
        if (module == null && !compile()) return false;
        return runWork(module, moduleOrigin, doc).getAsBoolean();
    }

    /** {@link #compile()} on the worker; completes (on the UI executor) with whether it compiled. */
    public CompletableFuture<Boolean> compileInBackground() {
        GraphDocument snapshot = snapshot();
        return inBackground("compiling", () -> compileWork(snapshot));
    }

    /** {@link #trace()} on the worker; completes (on the UI executor) with whether it traced. */
    public CompletableFuture<Boolean> traceInBackground() {
        GraphDocument snapshot = snapshot();
        return inBackground("tracing", () -> traceWork(snapshot));
    }

    /** {@link #runExample()} on the worker, compiling there first when there is no module yet. */
    public CompletableFuture<Boolean> runInBackground() {
        if (module != null) {
            ScriptModule m = module;
            String origin = moduleOrigin;
            GraphDocument snapshot = snapshot();
            return inBackground("running", () -> runWork(m, origin, snapshot));
        }
        GraphDocument snapshot = snapshot();
        return inBackground("compiling", () -> compileWork(snapshot)).thenCompose(ok -> ok && module != null
                ? runInBackground() : CompletableFuture.completedFuture(false));
    }

    /**
     * Does {@code work} (LibTorch calls, no property changes) on the worker, then applies the step it returns on the
     * UI executor. Refused while another is under way: they share the weights and the module.
     */
    private CompletableFuture<Boolean> inBackground(String what, Supplier<BooleanSupplier> work) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (disposed) {
            done.complete(false);
            return done;
        }
        if (busy.get()) {
            error("Still " + busyWith + "; wait for it to finish");
            done.complete(false);
            return done;
        }
        busy.set(true);
        busyWith = what;
        info(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " " + doc.title() + "…");
        try {
            worker.execute(() -> {
                BooleanSupplier step;
                try {
                    step = work.get();
                } catch (RuntimeException | Error e) {
                    step = () -> {
                        error("Failed while " + what + ": " + e.getMessage());
                        return false;
                    };
                }
                BooleanSupplier apply = step;
                ui.execute(() -> {
                    boolean ok = false;
                    try {
                        ok = apply.getAsBoolean();
                    } finally {
                        busy.set(false);
                        done.complete(ok);
                    }
                });
            });
        } catch (RuntimeException e) {
            busy.set(false);
            error("Cannot start " + what + ": " + e.getMessage());
            done.complete(false);
        }
        return done;
    }

    /** Builds and compiles off the UI thread; the returned step keeps the module and reports. */
    /**
     * A copy of the document for a background job, taken on the UI thread: the canvas keeps accepting edits while the
     * job runs, and the job must not read a document that changes under it.
     */
    private GraphDocument snapshot() {
        return DocumentJson.read(DocumentJson.write(doc));
    }

    private BooleanSupplier compileWork(GraphDocument source) {
        try {
            BuiltModel built = ScriptBuilder.build(source, weights);
            return () -> {
                setModule(built.module(), "scripted");
                info("Compiled " + doc.title() + ": " + built.script().submodules().size() + " submodules, " + module.totalParameterCount() + " parameters");
                return true;
            };
        } catch (IncompleteGraphException e) {
            return failure("Cannot compile: " + String.join("; ", e.issues()));
        } catch (CompileException e) {
            return failure("Compile error at line " + e.line() + ": " + e.shortMessage());
        } catch (RuntimeException e) {
            return failure("Cannot compile: " + e.getMessage());
        }
    }

    private BooleanSupplier traceWork(GraphDocument source) {
        List<Object> inputs = List.of();
        try {
            inputs = ExampleInputs.make(source);
            ScriptModule traced = GraphTracer.trace(source, weights, inputs.toArray());
            return () -> {
                setModule(traced, "traced");
                info("Traced " + doc.title() + " on example inputs");
                return true;
            };
        } catch (IncompleteGraphException e) {
            return failure("Cannot trace: " + String.join("; ", e.issues()));
        } catch (RuntimeException e) {
            return failure("Cannot trace: " + e.getMessage());
        } finally {
            closeTensors(inputs);
        }
    }

    private BooleanSupplier runWork(ScriptModule m, String origin, GraphDocument source) {
        List<Object> inputs = List.of();
        try {
            inputs = ExampleInputs.make(source);
            Object out = m.forward(inputs.toArray());
            String text = "Output of the " + origin + " module:\n" + ExampleInputs.describe(out);
            if (out instanceof Tensor t) t.close();
            return () -> {
                result.set(text);
                info("Ran the " + origin + " module");
                return true;
            };
        } catch (RuntimeException e) {
            return failure("Run failed: " + e.getMessage());
        } finally {
            closeTensors(inputs);
        }
    }

    private BooleanSupplier failure(String message) {
        return () -> {
            error(message);
            return false;
        };
    }

    /** True (with the reason as status) when a background job owns the module and weights right now. */
    private boolean refusedWhileBusy(String action) {
        if (!busy.get()) return false;
        error("Cannot " + action + " while " + busyWith + "; wait for it to finish");
        return true;
    }

    private static void closeTensors(List<Object> values) {
        for (Object o : values) if (o instanceof Tensor t) t.close();
    }

    /** Compiles and writes a .pt that carries the document. */
    public boolean save(Path path) {
        if (refusedWhileBusy("save") || !compile()) return false;
        try {
            GraphArchive.save(module, doc, path);
            file.set(path.toAbsolutePath().normalize());
            markSaved();
            info("Saved " + path.getFileName() + " (TorchScript with the graph inside)");
            return true;
        } catch (RuntimeException e) {
            error("Cannot save " + path + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Opens a .pt: its own graph document when it carries one (weights read back from the module), otherwise its
     * forward turned into blocks. History starts afresh. Returns what could not become blocks.
     */
    public List<String> open(Path path) {
        if (refusedWhileBusy("open a file")) return List.of(status.get());
        try {
            GraphArchive.Opened opened = GraphArchive.open(path);
            ModelWeights fresh = new ModelWeights();
            GraphDocument content;
            List<String> unmapped = List.of();
            if (opened.document().isPresent()) {
                content = opened.document().get();
                GraphArchive.readWeights(opened.module(), content, fresh);
            } else {
                IrImport.Result r = IrImport.fromModule(opened.module(), fresh, null);
                content = r.document();
                unmapped = r.unmapped();
            }
            weights.close();
            weights = fresh;
            stack.execute(Commands.replaceAll("Open " + path.getFileName(), content));
            stack.clear();
            selection.clear();
            file.set(path.toAbsolutePath().normalize());
            markSaved();
            setModule(opened.module(), "opened");
            if (!opened.skipped().isEmpty()) error("Opened " + path.getFileName() + "; extra files too large to read: " + String.join("; ", opened.skipped()));
            else if (unmapped.isEmpty()) info("Opened " + path.getFileName() + (opened.document().isPresent() ? " with its graph" : " as a new graph"));
            else error("Opened " + path.getFileName() + "; not shown as blocks: " + String.join("; ", unmapped));
            repaint();
            return unmapped;
        } catch (RuntimeException e) {
            error("Cannot open " + path + ": " + e.getMessage());
            return List.of(e.getMessage());
        }
    }

    /**
     * Compiles hand-edited code and updates the graph where it still maps (one undoable step). Returns what no longer
     * maps; a compile error is shown with its line and changes nothing.
     */
    public List<String> applyCode(String edited) {
        if (refusedWhileBusy("apply code")) return List.of(status.get());
        try {
            CodeSync.Outcome o = CodeSync.apply(edited, doc, weights);
            stack.execute(Commands.replaceAll("Apply code", o.document()));
            setModule(o.built().module(), "scripted");
            if (o.unmapped().isEmpty()) info("Code applied to the graph");
            else error("Code compiled; not shown as blocks: " + String.join("; ", o.unmapped()));
            return o.unmapped();
        } catch (CompileException e) {
            error("Compile error at line " + e.line() + ": " + e.shortMessage());
            return List.of("line " + e.line() + ": " + e.shortMessage());
        } catch (RuntimeException e) {
            error("Cannot apply the code: " + e.getMessage());
            return List.of(e.getMessage());
        }
    }

    /**
     * Writes the current module (compiling first if there is none) with the document inside to a temporary .pt, for
     * the studio to open in its graph view and run panel.
     */
    public Optional<Path> exportToTemp() {
        if (refusedWhileBusy("hand the model to the studio") || module == null && !compile()) return Optional.empty();
        try {
            Path dir = java.nio.file.Files.createTempDirectory("tsstudio-graph");
            Path file = dir.resolve(doc.title() + ".pt");
            GraphArchive.save(module, doc, file);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return Optional.of(file);
        } catch (java.io.IOException | RuntimeException e) {
            error("Cannot hand the model to the studio: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Frees the module and the weights; after a background job still under way, once it is done. */
    public void dispose() {
        disposed = true;
        if (busy.get()) {
            busy.addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (now) return;
                    busy.removeListener(this);
                    dispose();
                }
            });
            return;
        }
        if (module != null) module.close();
        module = null;
        weights.close();
    }
}
