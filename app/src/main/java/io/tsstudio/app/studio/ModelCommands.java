package io.tsstudio.app.studio;

import io.tsstudio.engine.files.AtomicWrite;
import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.CachedOperatorCatalog;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.session.CompileFailure;
import io.tsstudio.ui.session.ModelBackend;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.session.OpenedFile;
import io.tsstudio.ui.preferences.RecentFiles;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The commands that go to LibTorch: loading it, opening files, recompiling a class into its loaded module, saving a
 * model or a script, compiling a script to a module. The engine work runs as {@link TaskRunner} jobs on the engine
 * lane; results are shown on the FX thread, failures reported through {@link StudioMessages}.
 */
final class ModelCommands {
    private final ModelBackend backend;
    private final Executor fx;
    private final TaskRunner runner;
    private volatile boolean closed;
    private final StudioBuffers open;
    private final LogConsole console;
    private final StudioMessages messages;
    private final RecentFiles recent;
    private final CachedOperatorCatalog operators;
    private final List<Opening> openings = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Opening> opening = new ReadOnlyObjectWrapper<>(this, "opening");
    private final ReadOnlyStringWrapper libtorch = new ReadOnlyStringWrapper(this, "libtorch", "");
    private volatile CompletableFuture<String> warmUp;

    ModelCommands(ModelBackend backend, Executor fx, TaskRunner runner, StudioBuffers open, LogConsole console, StudioMessages messages, RecentFiles recent,
                  CachedOperatorCatalog operators) {
        this.backend = backend;
        this.fx = fx;
        this.runner = runner;
        this.open = open;
        this.console = console;
        this.messages = messages;
        this.recent = recent;
        this.operators = operators;
        open.onCloseModel(m -> inBackground(() -> backend.close(m)));
    }

    /** Loads LibTorch and the operator registry in the background; the window is usable meanwhile. */
    CompletableFuture<String> warmUp() {
        // Completed on the engine lane itself, not through the FX thread: stop() waits for it on the FX thread.
        CompletableFuture<String> loaded = new CompletableFuture<>();
        warmUp = loaded;
        runner.submit(Lane.ENGINE, job -> {
            try {
                String v = backend.libtorchVersion();
                String devices = String.join(", ", backend.devices());
                fx.execute(() -> {
                    libtorch.set(v);
                    console.info("LibTorch " + v + " loaded; devices: " + devices);
                });
                operators.warmUp();
                loaded.complete(v);
                return v;
            } catch (RuntimeException | Error e) {
                loaded.completeExceptionally(e);
                messages.report("LibTorch could not be loaded", e);
                throw e;
            }
        });
        return loaded;
    }

    /**
     * Waits (bounded) for LibTorch to finish loading. The JVM must not exit while a thread is inside the native
     * library's static initialisers: that crashes the process (seen when the window was closed seconds after launch).
     */
    void awaitLibTorchLoaded(long timeoutMillis) {
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

    CompletableFuture<Void> open(List<Path> files) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Path f : files) all.add(open(f));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null);
    }

    CompletableFuture<Void> open(Path file) {
        if (closed) return CompletableFuture.completedFuture(null); // the studio is closing
        Path abs = file.toAbsolutePath().normalize();
        EditorViewModel existing = open.scriptOf(abs);
        if (existing != null) {
            open.activate(existing);
            return CompletableFuture.completedFuture(null);
        }
        Opening op = new Opening(abs, fx);
        fx.execute(() -> {
            messages.status().set("Opening " + abs.getFileName() + "\u2026");
            openings.add(op);
            opening.set(op);
        });
        return runner.submit(Lane.ENGINE, job -> backend.open(abs, op)).result().thenAcceptAsync(opened -> {
            if (op.cancelled()) { // cancelled after the last check: the studio never shows it
                discard(opened);
                throw new CancellationException("opening was cancelled");
            }
            recent.add(opened.file());
            open.show(opened, console);
            messages.status().set("Opened " + opened.file().getFileName());
        }, fx).whenCompleteAsync((v, e) -> {
            endOpening(op);
            if (e != null && StudioMessages.unwrap(e) instanceof CancellationException) {
                messages.status().set("Opening " + abs.getFileName() + " cancelled");
                console.info("Opening " + abs + " cancelled after " + op.millisSinceStart() + " ms");
            } else if (e != null) {
                messages.report("Cannot open " + abs.getFileName(), e);
            }
        }, fx);
    }

    private void endOpening(Opening op) {
        openings.remove(op);
        op.finish();
        if (opening.get() == op) opening.set(openings.isEmpty() ? null : openings.get(openings.size() - 1));
    }

    private void discard(OpenedFile opened) {
        if (opened instanceof OpenedFile.Model m) inBackground(() -> backend.close(m.model()));
    }

    void cancelOpening() {
        Opening op = opening.get();
        if (op != null) op.cancel();
    }

    ReadOnlyObjectProperty<Opening> openingProperty() {
        return opening.getReadOnlyProperty();
    }

    ReadOnlyStringProperty libtorchProperty() {
        return libtorch.getReadOnlyProperty();
    }

    // ---- saving and compiling --------------------------------------------------------------------------------

    /** Writes a script buffer's text to {@code target} (atomically) and makes it the buffer's file. */
    void saveScript(EditorViewModel b, Path target) throws IOException {
        AtomicWrite.writeString(target, b.text());
        b.fileProperty().set(target.toAbsolutePath().normalize());
        b.nameProperty().set(target.getFileName().toString());
        b.markSaved();
        open.forgetAutosave(b.id());
        recent.add(target);
        console.info("Saved " + target);
        messages.status().set("Saved " + target.getFileName());
    }

    /** Recompiles a module-code buffer into its loaded module (weights kept). */
    CompletableFuture<Void> recompile(EditorViewModel b) {
        BufferOrigin origin = open.originOf(b);
        if (origin == null) return CompletableFuture.failedFuture(new IllegalStateException(b.name() + " is not the code of a loaded module"));
        String snapshot = b.text();
        messages.status().set("Recompiling " + origin.className() + "\u2026");
        return runner.submit(Lane.ENGINE, job -> backend.recompile(origin.model(), origin.className(), snapshot)).result().thenAcceptAsync(updated -> {
            if (b.text().equals(snapshot)) b.markSaved();
            b.showDiagnostics(List.of());
            open.replaceModel(origin.model(), updated);
            console.info("Recompiled " + origin.className() + " into " + origin.model().fileName() + " (weights kept)");
            messages.status().set("Recompiled " + origin.className());
        }, fx).whenComplete((v, e) -> {
            if (e != null) {
                if (StudioMessages.unwrap(e) instanceof CompileFailure cf) fx.execute(() -> b.showDiagnostics(cf.diagnostics()));
                messages.report("Recompile failed", e);
            }
        });
    }

    /** Saves the loaded module of a model (atomically, through the engine). */
    CompletableFuture<Void> saveModel(OpenModel model, Path target) {
        return runner.submit(Lane.ENGINE, job -> {
            backend.save(model, target);
            return null;
        }).result().thenRunAsync(() -> {
            recent.add(target);
            console.info("Saved model " + target);
            messages.status().set("Saved " + target.getFileName());
        }, fx).whenComplete((v, e) -> {
            if (e != null) messages.report("Cannot save " + target.getFileName(), e);
        });
    }

    /** Compiles a script buffer into a module, saves it as a .pt file and opens it, so it is ready to run. */
    CompletableFuture<Void> compileToModule(EditorViewModel b, Path target) {
        String snapshot = b.text();
        return runner.submit(Lane.ENGINE, job -> {
            backend.compileToFile(snapshot, target);
            return null;
        }).result().thenComposeAsync(v -> {
            console.info("Compiled " + b.name() + " to " + target);
            // A compile onto a file that is open replaces its tabs, unless they hold edits.
            open.closeCleanTabsOf(target.toAbsolutePath().normalize());
            CompletableFuture<Void> opened = open(target).exceptionally(x -> null); // open reports its own failure
            messages.status().set("Compiled to " + target.getFileName());
            return opened;
        }, fx).whenComplete((v, e) -> {
            if (e != null) {
                if (StudioMessages.unwrap(e) instanceof CompileFailure cf) fx.execute(() -> b.showDiagnostics(cf.diagnostics()));
                messages.report("Compile failed", e);
            }
        });
    }

    /** Engine work whose result nobody waits for (freeing a model); a failure goes to the console. */
    void inBackground(Runnable r) {
        runner.submit(Lane.ENGINE, job -> {
            r.run();
            return null;
        }).result().whenComplete((v, e) -> {
            if (e != null) console.warning("Background work failed: " + StudioMessages.unwrap(e));
        });
    }

    /** For the studio's other engine work (the graph view, preparing the sample workspace): the engine lane. */
    Executor io() {
        return this::inBackground;
    }

    /** Nothing new opens; work already on the lane finishes there (the lanes are shared and outlive the studio). */
    void close() {
        closed = true;
    }
}
