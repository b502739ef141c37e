package io.tsstudio.app.studio;

import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.session.AutosaveEntry;
import io.tsstudio.ui.session.AutosaveStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Autosave and restore: unsaved buffers and graph-editor documents are copied to the autosave folder, and a session
 * that did not end cleanly gets them back as unsaved edits. Snapshots are taken on the FX thread; every write and
 * removal runs as a {@link TaskRunner} job on the I/O lane (one thread, in order), so a removal cannot overtake the
 * write it undoes and a slow disk never stalls typing. A write that finds itself on the FX thread throws.
 */
final class Recovery {
    /** The autosave kind of a graph editor's document; its text is the document's JSON. */
    static final String GRAPH_MODEL = "GRAPH_MODEL";

    private final AutosaveStore store;
    private final StudioBuffers open;
    private final Executor fx;
    private final LogConsole console;
    private final StudioMessages messages;
    /** Opens a model file (for class code recovered into its model); the future ends once its tabs are shown. */
    private final Function<Path, CompletableFuture<Void>> openFile;
    private final TaskRunner runner;
    private volatile boolean closed;
    /** The document revision last autosaved, by graph-editor id: an unchanged document is not written again. */
    private final Map<String, Long> graphAutosavedAt = new HashMap<>();

    Recovery(AutosaveStore store, StudioBuffers open, Executor fx, TaskRunner runner, LogConsole console, StudioMessages messages,
             Function<Path, CompletableFuture<Void>> openFile) {
        this.store = store;
        this.runner = runner;
        this.open = open;
        this.fx = fx;
        this.console = console;
        this.messages = messages;
        this.openFile = openFile;
    }

    /**
     * Writes every unsaved buffer and graph-editor document to the autosave directory and removes entries of those
     * that are clean. Call on the FX thread: it takes snapshots there and writes them on the autosave thread; the
     * future completes when they are on disk.
     */
    CompletableFuture<Void> autosaveNow() {
        List<AutosaveEntry> writes = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        Instant now = Instant.now();
        for (EditorViewModel b : List.copyOf(open.buffers())) {
            if (b.isReadOnly()) continue;
            if (!b.isDirty()) {
                removals.add(b.id());
                continue;
            }
            BufferOrigin o = open.originOf(b);
            Path file = o != null ? o.model().file() : b.file();
            writes.add(new AutosaveEntry(b.id(), b.name(), b.kind().name(), file, o == null ? null : o.className(), now, b.text()));
        }
        Map<AutosaveEntry, GraphCopy> graphs = new IdentityHashMap<>();
        for (GraphEditorViewModel g : List.copyOf(open.graphEditors())) {
            long revision = g.document().revision();
            if (!g.isDirty()) {
                graphAutosavedAt.remove(g.id());
                removals.add(g.id());
            } else if (!Long.valueOf(revision).equals(graphAutosavedAt.put(g.id(), revision))) {
                // Blocks and connections are immutable: copying the lists here is enough, and turning them into JSON
                // and writing it happen on the autosave thread.
                GraphDocument d = g.document();
                AutosaveEntry e = new AutosaveEntry(g.id(), g.displayName(), GRAPH_MODEL, g.file(), null, now, "");
                graphs.put(e, new GraphCopy(d.title(), List.copyOf(d.blocks()), List.copyOf(d.connections())));
                writes.add(e);
            }
        }
        return onWriter(() -> {
            runner.checkOffUiThread("autosave write");
            removals.forEach(store::remove);
            for (AutosaveEntry e : writes) {
                GraphCopy doc = graphs.get(e);
                AutosaveEntry entry = doc == null ? e : new AutosaveEntry(e.id(), e.name(), e.kind(), e.file(), e.className(), e.savedAt(),
                        DocumentJson.write(doc.title(), doc.blocks(), doc.connections()));
                try {
                    store.save(entry);
                } catch (IOException | RuntimeException ex) {
                    messages.notice("Autosave of " + e.name() + " failed: " + ex.getMessage());
                }
            }
        });
    }

    private record GraphCopy(String title, List<Block> blocks, List<Connection> connections) {
    }

    /**
     * Runs {@code r} on the I/O lane, after what is queued there. The future completes on that lane, not through the FX
     * thread: quitting waits for it on the FX thread.
     */
    private CompletableFuture<Void> onWriter(Runnable r) {
        return onWriterValue(() -> {
            r.run();
            return null;
        });
    }

    /** Drops the autosave of a buffer or document that was saved or closed. Call on the FX thread. */
    void forget(String id) {
        graphAutosavedAt.remove(id);
        onWriter(() -> store.remove(id));
    }

    /** {@link #autosaveNow()} and wait (bounded) until it is written: before quitting, so what was promised is on disk. */
    void autosaveAndWait() {
        await(autosaveNow());
    }

    private void await(CompletableFuture<Void> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            console.warning("Autosave did not finish: " + e);
        }
    }

    /** Buffers a previous session left unsaved (it crashed or was killed). */
    List<AutosaveEntry> pending() {
        if (closed) return store.list();
        return onWriterValue(store::list).join();
    }

    private <T> CompletableFuture<T> onWriterValue(Supplier<T> work) {
        if (closed) return CompletableFuture.completedFuture(null);
        CompletableFuture<T> done = new CompletableFuture<>();
        runner.submit(Lane.IO, job -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
            return null;
        });
        return done;
    }

    /** Reopens recovered buffers as unsaved edits: scripts directly, class code after reopening its model. */
    CompletableFuture<Void> recover(List<AutosaveEntry> entries) {
        List<CompletableFuture<Void>> steps = new ArrayList<>();
        for (AutosaveEntry e : entries) {
            forget(e.id());
            if (GRAPH_MODEL.equals(e.kind())) {
                steps.add(CompletableFuture.runAsync(() -> {
                    GraphEditorViewModel g = open.addGraphEditor(DocumentJson.read(e.text()));
                    g.setFile(e.file());
                    g.markUnsaved();
                    console.info("Recovered unsaved " + e.name());
                }, fx).whenComplete((v, ex) -> {
                    if (ex != null) messages.report("Cannot recover " + e.name(), ex);
                }));
            } else if (BufferKind.MODULE_CODE.name().equals(e.kind()) && e.file() != null && e.className() != null) {
                steps.add(openFile.apply(e.file()).thenRunAsync(() -> {
                    open.classBuffer(e.file(), e.className()).ifPresent(b -> {
                        b.replaceText(e.text());
                        open.activate(b);
                    });
                    console.info("Recovered unsaved edits of " + e.className() + " in " + e.file().getFileName());
                }, fx));
            } else {
                steps.add(CompletableFuture.runAsync(() -> {
                    EditorViewModel b = open.addScript(e.name(), e.file(), readOrEmpty(e.file()));
                    b.replaceText(e.text());
                    open.activate(b);
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

    void discard(List<AutosaveEntry> entries) {
        entries.forEach(e -> forget(e.id()));
    }

    /** A clean exit leaves no autosaves behind (so nothing is "recovered" next time). */
    void clearAndWait() {
        await(onWriter(store::clear));
    }

    /** Queued writes finish (a kept session's edits must reach the disk); nothing new is accepted. */
    void close() {
        CompletableFuture<Void> queued = onWriter(() -> { });
        closed = true;
        await(queued);
    }
}
