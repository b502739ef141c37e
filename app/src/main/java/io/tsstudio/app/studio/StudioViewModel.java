package io.tsstudio.app.studio;

import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.CachedOperatorCatalog;
import io.tsstudio.ui.editor.CompletionItem;
import io.tsstudio.ui.editor.CompletionProvider;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.inspect.InspectorViewModel;
import io.tsstudio.ui.problems.ProblemsViewModel;
import io.tsstudio.engine.files.AtomicWrite;
import io.tsstudio.ui.session.AutosaveEntry;
import io.tsstudio.ui.session.AutosaveStore;
import io.tsstudio.ui.session.CompileFailure;
import io.tsstudio.ui.session.ModelBackend;
import io.tsstudio.ui.session.ModelFileException;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.session.OpenedFile;
import io.tsstudio.ui.preferences.RecentFiles;
import io.tsstudio.ui.preferences.StudioDirs;
import io.tsstudio.ui.session.Workspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The studio's state and commands, without nodes: open buffers and models, the active selection, opening files
 * (off the FX thread), recompiling a class into its loaded module, saving, compiling a script to a module,
 * autosave and recovery. The main window binds to it; tests drive it directly with the real engine.
 */
public final class StudioViewModel implements AutoCloseable {
    public static final String APP_NAME = "TorchScript Studio";

    private final ModelBackend backend;
    private final Executor fx;
    private final ExecutorService io;
    private final LogConsole console;
    private final Workspace workspace = new Workspace();
    private final InspectorViewModel inspector;
    private final ProblemsViewModel problems = new ProblemsViewModel();
    private final ObservableList<EditorViewModel> buffers = FXCollections.observableArrayList();
    private final ObservableList<OpenModel> models = FXCollections.observableArrayList();
    private final ObservableList<GraphEditorViewModel> graphEditors = FXCollections.observableArrayList();
    private final Map<GraphEditorViewModel, Long> graphAutosavedAt = new IdentityHashMap<>();
    private final Map<EditorViewModel, BufferOrigin> origins = new IdentityHashMap<>();
    private final Map<EditorViewModel, CompletionProvider> completions = new IdentityHashMap<>();
    /** The state-dict model each read-only tab shows (module-code tabs have theirs in {@link #origins}). */
    private final Map<EditorViewModel, OpenModel> stateDictTabs = new IdentityHashMap<>();
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final List<Opening> openings = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Opening> opening = new ReadOnlyObjectWrapper<>(this, "opening");
    private final ReadOnlyStringWrapper libtorch = new ReadOnlyStringWrapper(this, "libtorch", "");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", "");
    private final StringBinding title;
    private final RecentFiles recent;
    private final AutosaveStore autosave;
    // Every autosave write and removal runs here, in order, off the FX thread: a removal cannot overtake the write
    // it undoes, and a slow disk never stalls typing.
    private final ExecutorService autosaveWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "studio-autosave");
        t.setDaemon(true);
        return t;
    });
    private final CachedOperatorCatalog operators;
    private final StudioDirs dirs;
    private int untitled = 1;
    private volatile CompletableFuture<String> warmUp;

    public StudioViewModel(ModelBackend backend, StudioDirs dirs, Executor fx, LogConsole console) {
        this(backend, dirs, dirs.autosave(), fx, console);
    }

    /** With the autosave folder this studio owns ({@link AutosaveOwnership}: a second live studio gets its own). */
    StudioViewModel(ModelBackend backend, StudioDirs dirs, Path autosaveDir, Executor fx, LogConsole console) {
        this.backend = backend;
        this.dirs = dirs;
        this.fx = fx;
        this.console = console;
        this.io = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "studio-io");
            t.setDaemon(true);
            return t;
        });
        this.inspector = new InspectorViewModel(fx);
        this.recent = new RecentFiles(dirs.configDir().resolve("recent-files.txt"), RecentFiles.transientRoots(dirs));
        this.autosave = new AutosaveStore(autosaveDir);
        this.operators = new CachedOperatorCatalog(() -> backend.operators().operators());
        this.title = Bindings.createStringBinding(this::computeTitle, workspace.activeBufferProperty(), workspace.activeModelProperty());
        workspace.activeModelProperty().addListener((o, a, m) -> inspector.show(m == null ? null : m.summary(),
                m == null ? null : backend.tensorValues(m)));
        // The inspector, graph and run panel follow the tab in front: its model becomes the active one.
        workspace.activeBufferProperty().addListener((o, a, b) -> {
            OpenModel m = b == null ? null : origins.containsKey(b) ? origins.get(b).model() : stateDictTabs.get(b);
            if (m != null && m != workspace.activeModel()) workspace.activeModelProperty().set(m);
        });
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
        warmUp = CompletableFuture.supplyAsync(() -> {
            String v = backend.libtorchVersion();
            String devices = String.join(", ", backend.devices());
            fx.execute(() -> {
                libtorch.set(v);
                console.info("LibTorch " + v + " loaded; devices: " + devices);
            });
            operators.warmUp();
            return v;
        }, io).whenComplete((v, e) -> {
            if (e != null) report("LibTorch could not be loaded", e);
        });
        return warmUp;
    }

    /**
     * Waits (bounded) for LibTorch to finish loading. The JVM must not exit while a thread is inside the native
     * library's static initialisers: that crashes the process (seen when the window was closed seconds after launch).
     */
    public void awaitLibTorchLoaded(long timeoutMillis) {
        CompletableFuture<String> w = warmUp;
        if (w == null) return;
        try {
            w.get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Loading failed or is stuck; nothing more to wait for.
        }
    }

    // ---- opening ---------------------------------------------------------------------------------------------

    /** Opens files (several at once) off the FX thread; each failure is reported and the others still open. */
    public CompletableFuture<Void> open(List<Path> files) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Path f : files) all.add(open(f));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null);
    }

    public CompletableFuture<Void> open(Path file) {
        if (io.isShutdown()) return CompletableFuture.completedFuture(null); // the studio is closing
        Path abs = file.toAbsolutePath().normalize();
        EditorViewModel existing = findBufferFor(abs);
        if (existing != null) {
            workspace.activeBufferProperty().set(existing);
            return CompletableFuture.completedFuture(null);
        }
        Opening op = new Opening(abs, fx);
        fx.execute(() -> {
            status.set("Opening " + abs.getFileName() + "\u2026");
            openings.add(op);
            opening.set(op);
        });
        return CompletableFuture.supplyAsync(() -> {
            try {
                return backend.open(abs, op);
            } catch (IOException | ModelFileException e) {
                throw new CompletionException(e);
            }
        }, io).thenAcceptAsync(opened -> {
            if (op.cancelled()) { // cancelled after the last check: the studio never shows it
                discard(opened);
                throw new CancellationException("opening was cancelled");
            }
            show(opened);
        }, fx).whenCompleteAsync((v, e) -> {
            endOpening(op);
            if (e != null && unwrap(e) instanceof CancellationException) {
                status.set("Opening " + abs.getFileName() + " cancelled");
                console.info("Opening " + abs + " cancelled after " + op.millisSinceStart() + " ms");
            } else if (e != null) {
                report("Cannot open " + abs.getFileName(), e);
            }
        }, fx);
    }

    private void endOpening(Opening op) {
        openings.remove(op);
        op.finish();
        if (opening.get() == op) opening.set(openings.isEmpty() ? null : openings.get(openings.size() - 1));
    }

    private void discard(OpenedFile opened) {
        if (opened instanceof OpenedFile.Model m) CompletableFuture.runAsync(() -> backend.close(m.model()), io);
    }

    /** Stops the open the status bar shows; what it loaded is freed and the studio stays as it was. */
    public void cancelOpening() {
        Opening op = opening.get();
        if (op != null) op.cancel();
    }

    /** The open the status bar follows (the latest still running), or null. */
    public ReadOnlyObjectProperty<Opening> openingProperty() {
        return opening.getReadOnlyProperty();
    }

    private EditorViewModel findBufferFor(Path abs) {
        for (EditorViewModel b : buffers) if (abs.equals(b.file()) && b.kind() == BufferKind.SCRIPT) return b;
        return null;
    }

    private void show(OpenedFile opened) {
        recent.add(opened.file());
        if (opened instanceof OpenedFile.Source s) {
                String name = s.file().getFileName().toString();
                EditorViewModel b = addBuffer(new EditorViewModel(BufferKind.SCRIPT, name, s.file(), s.text(), backend.scriptChecker(), fx), null);
                workspace.activeBufferProperty().set(b);
                console.info("Opened script " + s.file());
        } else if (opened instanceof OpenedFile.Model m) {
                models.add(m.model());
                workspace.activeModelProperty().set(m.model());
                EditorViewModel first = null;
                for (Map.Entry<String, String> c : m.codeByClass().entrySet()) {
                    EditorViewModel b = addBuffer(new EditorViewModel(BufferKind.MODULE_CODE, codeTabName(m.model(), c.getKey()), null, c.getValue(),
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
                    EditorViewModel b = addBuffer(new EditorViewModel(BufferKind.READ_ONLY, codeTabName(n.model(), c.getKey()), null, c.getValue(), null, fx), null);
                    if (first == null) first = b;
                }
                if (first != null) workspace.activeBufferProperty().set(first);
                console.warning(n.notice());
                lastError.set(n.notice());
        } else if (opened instanceof OpenedFile.StateDict d) {
                models.add(d.model());
                workspace.activeModelProperty().set(d.model());
                EditorViewModel b = addBuffer(new EditorViewModel(BufferKind.READ_ONLY, d.file().getFileName() + " (state dict)", null,
                        d.description(), null, fx), null);
                stateDictTabs.put(b, d.model());
                workspace.activeBufferProperty().set(b);
                console.info("Opened torch.save archive " + d.file() + " read-only: " + d.model().summary().totalsText());
        }
        status.set("Opened " + opened.file().getFileName());
    }

    private static String codeTabName(OpenModel model, String className) {
        int dot = className.lastIndexOf('.');
        return (dot < 0 ? className : className.substring(dot + 1)) + " \u00b7 " + model.fileName();
    }

    private EditorViewModel addBuffer(EditorViewModel b, BufferOrigin origin) {
        if (origin != null) origins.put(b, origin);
        Supplier<List<CompletionItem>> members = origin == null ? List::of : () -> backend.selfMembers(origin.model(), origin.className());
        completions.put(b, new CompletionProvider(operators, members));
        buffers.add(b);
        problems.watch(b);
        return b;
    }

    /** A new, empty script of {@code def} functions. */
    public EditorViewModel newScript(String text) {
        String name = "untitled-" + untitled++ + ".py";
        EditorViewModel b = addBuffer(new EditorViewModel(BufferKind.SCRIPT, name, null, "", backend.scriptChecker(), fx), null);
        if (!text.isEmpty()) b.textChanged(text);
        workspace.activeBufferProperty().set(b);
        return b;
    }

    public void closeBuffer(EditorViewModel b) {
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
        CompletableFuture.runAsync(() -> backend.close(m), io);
    }

    // ---- saving and compiling --------------------------------------------------------------------------------

    /** Writes a script buffer's text to {@code target} (atomically) and makes it the buffer's file. */
    public void saveScript(EditorViewModel b, Path target) throws IOException {
        AtomicWrite.writeString(target, b.text());
        b.fileProperty().set(target.toAbsolutePath().normalize());
        b.nameProperty().set(target.getFileName().toString());
        b.markSaved();
        forgetAutosave(b.id());
        recent.add(target);
        console.info("Saved " + target);
        status.set("Saved " + target.getFileName());
    }

    /** Recompiles a module-code buffer into its loaded module (weights kept). */
    public CompletableFuture<Void> recompile(EditorViewModel b) {
        BufferOrigin origin = origins.get(b);
        if (origin == null) return CompletableFuture.failedFuture(new IllegalStateException(b.name() + " is not the code of a loaded module"));
        String snapshot = b.text();
        status.set("Recompiling " + origin.className() + "\u2026");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return backend.recompile(origin.model(), origin.className(), snapshot);
            } catch (CompileFailure e) {
                throw new CompletionException(e);
            }
        }, io).thenAcceptAsync(updated -> {
            if (b.text().equals(snapshot)) b.markSaved();
            b.showDiagnostics(List.of());
            replaceModel(origin.model(), updated);
            console.info("Recompiled " + origin.className() + " into " + origin.model().fileName() + " (weights kept)");
            status.set("Recompiled " + origin.className());
        }, fx).whenComplete((v, e) -> {
            if (e != null) {
                Throwable cause = unwrap(e);
                if (cause instanceof CompileFailure cf) fx.execute(() -> b.showDiagnostics(cf.diagnostics()));
                report("Recompile failed", e);
            }
        });
    }

    private void replaceModel(OpenModel old, OpenModel updated) {
        if (old == updated) return;
        int i = models.indexOf(old);
        if (i >= 0) models.set(i, updated);
        origins.replaceAll((buf, o) -> o.model() == old ? new BufferOrigin(updated, o.className()) : o);
        if (workspace.activeModel() == old) workspace.activeModelProperty().set(updated);
    }

    /** Saves the loaded module of a model (atomically, through the engine). */
    public CompletableFuture<Void> saveModel(OpenModel model, Path target) {
        return CompletableFuture.runAsync(() -> {
            try {
                backend.save(model, target);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io).thenRunAsync(() -> {
            recent.add(target);
            console.info("Saved model " + target);
            status.set("Saved " + target.getFileName());
        }, fx).whenComplete((v, e) -> {
            if (e != null) report("Cannot save " + target.getFileName(), e);
        });
    }

    /** Compiles a script buffer into a module, saves it as a .pt file and opens it, so it is ready to run. */
    public CompletableFuture<Void> compileToModule(EditorViewModel b, Path target) {
        String snapshot = b.text();
        return CompletableFuture.runAsync(() -> {
            try {
                backend.compileToFile(snapshot, target);
            } catch (CompileFailure | IOException e) {
                throw new CompletionException(e);
            }
        }, io).thenComposeAsync(v -> {
            console.info("Compiled " + b.name() + " to " + target);
            // A compile onto a file that is open replaces its tabs, unless they hold edits.
            Path abs = target.toAbsolutePath().normalize();
            for (EditorViewModel old : List.copyOf(buffers)) {
                BufferOrigin o = origins.get(old);
                if (o != null && o.model().file().toAbsolutePath().normalize().equals(abs) && !old.isDirty()) closeBuffer(old);
            }
            CompletableFuture<Void> opened = open(target).exceptionally(x -> null); // open reports its own failure
            status.set("Compiled to " + target.getFileName());
            return opened;
        }, fx).whenComplete((v, e) -> {
            if (e != null) {
                if (unwrap(e) instanceof CompileFailure cf) fx.execute(() -> b.showDiagnostics(cf.diagnostics()));
                report("Compile failed", e);
            }
        });
    }

    /** Which class of which model the active buffer shows, when it is a module-code tab. */
    Optional<BufferOrigin> activeOrigin() {
        EditorViewModel b = workspace.activeBuffer();
        return Optional.ofNullable(b == null ? null : origins.get(b));
    }

    /**
     * Activates the code tab of {@code className} of {@code model} and moves its caret to a 1-based line and column
     * (the graph-to-code link). False when that class has no open tab.
     */
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

    /** The file a tab stands for: its script file, or the model file its code or state dict came from; null for none. */
    public Path fileOf(EditorViewModel b) {
        if (b.file() != null) return b.file();
        BufferOrigin o = origins.get(b);
        if (o != null) return o.model().file();
        OpenModel d = stateDictTabs.get(b);
        return d == null ? null : d.file();
    }

    /** The model a buffer belongs to (its code tab's model), else the active model. */
    public OpenModel modelFor(EditorViewModel b) {
        BufferOrigin o = b == null ? null : origins.get(b);
        return o != null ? o.model() : workspace.activeModel();
    }

    // ---- autosave and recovery -------------------------------------------------------------------------------

    /**
     * Writes every unsaved buffer and graph-editor document to the autosave directory and removes entries of those
     * that are clean. Call on the FX thread: it takes snapshots there and writes them on the autosave thread; the
     * future completes when they are on disk.
     */
    public CompletableFuture<Void> autosaveNow() {
        List<AutosaveEntry> writes = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        Instant now = Instant.now();
        for (EditorViewModel b : List.copyOf(buffers)) {
            if (b.isReadOnly()) continue;
            if (!b.isDirty()) {
                removals.add(b.id());
                continue;
            }
            BufferOrigin o = origins.get(b);
            Path file = o != null ? o.model().file() : b.file();
            writes.add(new AutosaveEntry(b.id(), b.name(), b.kind().name(), file, o == null ? null : o.className(), now, b.text()));
        }
        Map<AutosaveEntry, GraphCopy> graphs = new IdentityHashMap<>();
        for (GraphEditorViewModel g : List.copyOf(graphEditors)) {
            long revision = g.document().revision();
            if (!g.isDirty()) {
                graphAutosavedAt.remove(g);
                removals.add(g.id());
            } else if (!Long.valueOf(revision).equals(graphAutosavedAt.put(g, revision))) {
                // Blocks and connections are immutable: copying the lists here is enough, and turning them into JSON
                // and writing it happen on the autosave thread.
                GraphDocument d = g.document();
                AutosaveEntry e = new AutosaveEntry(g.id(), g.displayName(), GRAPH_MODEL, g.file(), null, now, "");
                graphs.put(e, new GraphCopy(d.title(), List.copyOf(d.blocks()), List.copyOf(d.connections())));
                writes.add(e);
            }
        }
        return onAutosaveThread(() -> {
            removals.forEach(autosave::remove);
            for (AutosaveEntry e : writes) {
                GraphCopy doc = graphs.get(e);
                AutosaveEntry entry = doc == null ? e : new AutosaveEntry(e.id(), e.name(), e.kind(), e.file(), e.className(), e.savedAt(),
                        DocumentJson.write(doc.title(), doc.blocks(), doc.connections()));
                try {
                    autosave.save(entry);
                } catch (IOException | RuntimeException ex) {
                    fx.execute(() -> console.warning("Autosave of " + e.name() + " failed: " + ex.getMessage()));
                }
            }
        });
    }

    private record GraphCopy(String title, List<Block> blocks, List<Connection> connections) {
    }

    /** The autosave kind of a graph editor's document; its text is the document's JSON. */
    public static final String GRAPH_MODEL = "GRAPH_MODEL";

    private CompletableFuture<Void> onAutosaveThread(Runnable r) {
        try {
            return CompletableFuture.runAsync(r, autosaveWriter);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private void forgetAutosave(String id) {
        onAutosaveThread(() -> autosave.remove(id));
    }

    /** Waits (bounded) for queued autosave writes: before quitting, so what was promised is on disk. */
    private void awaitAutosave(CompletableFuture<Void> f) {
        try {
            f.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            console.warning("Autosave did not finish: " + e);
        }
    }

    /** {@link #autosaveNow()} and wait until it is written ("keep for next start"). */
    public void autosaveAndWait() {
        awaitAutosave(autosaveNow());
    }

    /** Buffers a previous session left unsaved (it crashed or was killed). */
    public List<AutosaveEntry> pendingRecovery() {
        return onAutosaveThreadValue(autosave::list);
    }

    private <T> T onAutosaveThreadValue(Supplier<T> read) {
        try {
            return CompletableFuture.supplyAsync(read, autosaveWriter).join();
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return read.get();
        }
    }

    /** Reopens recovered buffers as unsaved edits: scripts directly, class code after reopening its model. */
    public CompletableFuture<Void> recover(List<AutosaveEntry> entries) {
        List<CompletableFuture<Void>> steps = new ArrayList<>();
        for (AutosaveEntry e : entries) {
            forgetAutosave(e.id());
            if (GRAPH_MODEL.equals(e.kind())) {
                steps.add(CompletableFuture.runAsync(() -> {
                    GraphEditorViewModel g = addGraphEditor(DocumentJson.read(e.text()));
                    g.setFile(e.file());
                    g.markUnsaved();
                    console.info("Recovered unsaved " + e.name());
                }, fx).whenComplete((v, ex) -> {
                    if (ex != null) report("Cannot recover " + e.name(), ex);
                }));
            } else if (BufferKind.MODULE_CODE.name().equals(e.kind()) && e.file() != null && e.className() != null) {
                steps.add(open(e.file()).thenRunAsync(() -> {
                    for (EditorViewModel b : buffers) {
                        BufferOrigin o = origins.get(b);
                        if (o != null && o.className().equals(e.className()) && e.file().equals(o.model().file())) {
                            b.replaceText(e.text());
                            workspace.activeBufferProperty().set(b);
                        }
                    }
                    console.info("Recovered unsaved edits of " + e.className() + " in " + e.file().getFileName());
                }, fx));
            } else {
                steps.add(CompletableFuture.runAsync(() -> {
                    String saved = readOrEmpty(e.file());
                    EditorViewModel b = addBuffer(new EditorViewModel(BufferKind.SCRIPT, e.name(), e.file(), saved, backend.scriptChecker(), fx), null);
                    b.replaceText(e.text());
                    workspace.activeBufferProperty().set(b);
                    console.info("Recovered unsaved " + e.name());
                }, fx));
            }
        }
        return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
    }

    private static String readOrEmpty(Path file) {
        try {
            return file != null && Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public void discardRecovery(List<AutosaveEntry> entries) {
        entries.forEach(e -> forgetAutosave(e.id()));
    }

    public List<EditorViewModel> dirtyBuffers() {
        return buffers.stream().filter(EditorViewModel::isDirty).toList();
    }

    /** Names of everything unsaved, editor buffers then graph editors: what the quit prompt lists. */
    public List<String> unsavedWork() {
        List<String> names = new ArrayList<>();
        dirtyBuffers().forEach(b -> names.add(b.name()));
        graphEditors.stream().filter(GraphEditorViewModel::isDirty).forEach(g -> names.add(g.displayName()));
        return names;
    }

    // ---- graph editors ---------------------------------------------------------------------------------------

    /** A new, empty graph-editor document (File > New Graph Model). */
    public GraphEditorViewModel newGraphModel() {
        return addGraphEditor(new GraphDocument());
    }

    private GraphEditorViewModel addGraphEditor(GraphDocument doc) {
        // The palette reads the same cached registry as completion.
        GraphEditorViewModel g = new GraphEditorViewModel(doc, operators, GraphEditorViewModel.newWorker(), fx);
        graphEditors.add(g);
        return g;
    }

    public void closeGraphEditor(GraphEditorViewModel g) {
        if (!graphEditors.remove(g)) return;
        graphAutosavedAt.remove(g);
        forgetAutosave(g.id());
        g.dispose();
    }

    /** Open graph-editor documents (the main window shows one tab each). */
    public ObservableList<GraphEditorViewModel> graphEditors() {
        return graphEditors;
    }

    // ---- errors ----------------------------------------------------------------------------------------------

    private void report(String what, Throwable e) {
        Throwable cause = unwrap(e);
        String msg = what + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
        fx.execute(() -> {
            console.error(msg);
            status.set(firstLine(msg));
            lastError.set(msg);
        });
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Clears the error banner. */
    public void dismissError() {
        lastError.set("");
    }

    // ---- accessors -------------------------------------------------------------------------------------------

    public ObservableList<EditorViewModel> buffers() {
        return buffers;
    }

    public ObservableList<OpenModel> models() {
        return models;
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
        return completions.getOrDefault(b, new CompletionProvider(operators, List::of));
    }

    public BufferKind kindOf(EditorViewModel b) {
        return b.kind();
    }

    public boolean isModelCode(EditorViewModel b) {
        return origins.containsKey(b);
    }

    public StringBinding titleProperty() {
        return title;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty libtorchProperty() {
        return libtorch.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
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
        return io;
    }

    /** Ends the session: a clean exit leaves no autosaves behind (so nothing is "recovered" next time). */
    public void shutdown() {
        awaitAutosave(onAutosaveThread(autosave::clear));
        close();
    }

    @Override
    public void close() {
        buffers.forEach(EditorViewModel::close);
        List.copyOf(graphEditors).forEach(GraphEditorViewModel::dispose);
        inspector.close();
        io.shutdownNow();
        // Queued autosave writes finish (a kept session's edits must reach the disk); nothing new is accepted.
        autosaveWriter.shutdown();
        try {
            autosaveWriter.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
