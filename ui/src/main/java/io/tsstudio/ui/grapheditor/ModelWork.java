package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.CompileException;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.grapheditor.model.CommandStack;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.DocumentCommand;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.IncompleteGraphException;
import io.tsstudio.ui.run.RunBackend;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The graph editor's model work: compile, trace, run, save, open, apply code, hand over to the studio, and
 * auto-layout. Each takes a snapshot of the document on the UI thread, hands it to the {@link ModelSession} as a
 * {@link TaskRunner} job ({@link ModelJobs}: one at a time), and applies the result on the UI thread without losing
 * edits made meanwhile. Keeps what the work produced: the last output, the IR, and where the module came from.
 */
final class ModelWork {
    private final GraphDocument doc;
    private final CommandStack stack;
    private final TaskRunner runner;
    private final ModelSession session;
    private final ModelJobs jobs;
    private final StatusLine status;
    private final SaveState saveState;
    private final BlockSelection selection;
    private final Predicate<DocumentCommand> edit;
    private final Runnable repaint;
    private final ScratchFolders scratch;
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resultIr = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper layingOut = new ReadOnlyBooleanWrapper();
    private String moduleOrigin;
    private RunBackend runs;

    /** The editor whose document, history, status, save state and selection this work updates. */
    record Editor(GraphDocument doc, CommandStack stack, StatusLine status, SaveState saveState, BlockSelection selection,
                  Predicate<DocumentCommand> edit, Runnable repaint, ScratchFolders scratch) {
    }

    ModelWork(TaskRunner runner, ModelSession session, Editor editor) {
        this.runner = runner;
        this.session = session;
        this.doc = editor.doc();
        this.stack = editor.stack();
        this.status = editor.status();
        this.saveState = editor.saveState();
        this.selection = editor.selection();
        this.edit = editor.edit();
        this.repaint = editor.repaint();
        this.scratch = editor.scratch();
        this.jobs = new ModelJobs(runner, session, status::info, status::error);
    }

    void setRunBackend(RunBackend backend) {
        this.runs = backend;
    }

    ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    ReadOnlyStringProperty resultIrProperty() {
        return resultIr.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    ReadOnlyBooleanProperty layingOutProperty() {
        return layingOut.getReadOnlyProperty();
    }

    Optional<String> moduleOrigin() {
        return Optional.ofNullable(moduleOrigin);
    }

    CompletableFuture<Boolean> autoLayout() {
        runner.checkUiThread();
        if (doc.size() == 0 || jobs.isDisposed()) return done(false);
        if (layingOut.get()) return fail("Still laying out; wait for it to finish");
        layingOut.set(true);
        GraphDocument snapshot = snapshot();
        CompletableFuture<Boolean> laidOut = new CompletableFuture<>();
        runner.submit(Lane.LAYOUT, c -> session.layout(snapshot, Set.of())).result().whenComplete((positions, e) -> {
            layingOut.set(false);
            if (e != null) {
                status.error("Cannot lay out: " + message(e));
                laidOut.complete(false);
                return;
            }
            // blocks deleted while the layout ran are skipped; blocks added meanwhile stay where they were put
            Map<String, double[]> still = new LinkedHashMap<>();
            positions.forEach((id, xy) -> {
                if (doc.find(id).isPresent()) still.put(id, xy);
            });
            laidOut.complete(!still.isEmpty() && edit.test(Commands.layout(still)));
        });
        return laidOut;
    }

    CompletableFuture<Boolean> compile() {
        GraphDocument snapshot = snapshotOnUiThread();
        return jobs.run("compiling", snapshot.title(), c -> session.compile(snapshot), built -> {
            keepModule("scripted", built.ir());
            status.info("Compiled " + snapshot.title() + ": " + built.summary());
            return done(true);
        }, e -> fail(compileFailure("Cannot compile", e)));
    }

    CompletableFuture<Boolean> trace() {
        GraphDocument snapshot = snapshotOnUiThread();
        return jobs.run("tracing", snapshot.title(), c -> session.trace(snapshot), built -> {
            keepModule("traced", built.ir());
            status.info("Traced " + snapshot.title() + " on example inputs");
            return done(true);
        }, e -> fail(compileFailure("Cannot trace", e)));
    }

    CompletableFuture<Boolean> runExample() {
        GraphDocument snapshot = snapshotOnUiThread();
        RunBackend backend = runs;
        if (backend == null) return fail("Cannot run: no worker process to run the model in");
        Path dir = scratch.next("run");
        return jobs.run("running", snapshot.title(), c -> session.export(snapshot, dir), model -> {
            String origin = moduleOrigin == null ? "scripted" : moduleOrigin;
            if (moduleOrigin == null) keepModule("scripted", resultIr.get());
            CompletableFuture<Boolean> ran = new CompletableFuture<>();
            backend.load(model.file(), "cpu")
                    .thenCompose(methods -> backend.run(new RunRequest("forward", model.argsJson(), RunPlan.single()), (phase, n, total) -> { }))
                    .whenComplete((outcome, e) -> runner.ui().execute(() -> {
                        ScratchFolders.deleteQuietly(dir);
                        if (e != null) {
                            status.error("Run failed: " + message(e));
                            ran.complete(false);
                            return;
                        }
                        // status first: whoever watches the result (a test thread too) then reads the final status
                        status.info("Ran the " + origin + " module in the worker process");
                        result.set("Output of the " + origin + " module:\n" + OutputTreeText.of(outcome.output()));
                        ran.complete(true);
                    }));
            return ran;
        }, e -> {
            ScratchFolders.deleteQuietly(dir);
            return fail(compileFailure("Run failed", e));
        });
    }

    CompletableFuture<Boolean> save(Path path) {
        GraphDocument snapshot = snapshotOnUiThread();
        long revision = doc.revision();
        return jobs.run("saving", snapshot.title(), c -> {
            session.save(snapshot, path);
            return path;
        }, saved -> {
            keepModule("scripted", resultIr.get());
            saveState.setFile(path.toAbsolutePath().normalize());
            saveState.markSaved(revision);
            status.info("Saved " + path.getFileName() + " (TorchScript with the graph inside)"
                    + (saveState.isDirty() ? "; edits made while saving are not in it yet" : ""));
            return done(true);
        }, e -> fail(compileFailure("Cannot save " + path, e)));
    }

    CompletableFuture<List<String>> open(Path path) {
        runner.checkUiThread();
        long revision = doc.revision();
        String name = path.getFileName().toString();
        return jobs.run("opening", name, c -> session.open(path), opened -> {
            boolean editedMeanwhile = doc.revision() != revision;
            keepModule("opened", opened.ir());
            stack.execute(Commands.replaceAll("Open " + name, opened.document()));
            if (!editedMeanwhile) stack.clear();
            selection.clear();
            saveState.setFile(path.toAbsolutePath().normalize());
            saveState.markSaved(doc.revision());
            if (!opened.skipped().isEmpty()) status.error("Opened " + name + "; extra files too large to read: " + String.join("; ", opened.skipped()));
            else if (!opened.unmapped().isEmpty()) status.error("Opened " + name + "; not shown as blocks: " + String.join("; ", opened.unmapped()));
            else if (editedMeanwhile) status.info("Opened " + name + "; Undo brings back the edits made while it was read");
            else status.info("Opened " + name + (opened.carriedGraph() ? " with its graph" : " as a new graph"));
            repaint.run();
            return done(opened.unmapped());
        }, e -> {
            status.error("Cannot open " + path + ": " + message(e));
            return done(List.of(message(e)));
        });
    }

    CompletableFuture<List<String>> applyCode(String edited) {
        GraphDocument snapshot = snapshotOnUiThread();
        long revision = doc.revision();
        return jobs.run("applying code to", snapshot.title(), c -> session.applyCode(edited, snapshot), applied -> {
            keepModule("scripted", applied.ir());
            if (doc.revision() != revision) {
                String why = "The graph was edited while the code compiled; the edits are kept. Apply the code again to use it";
                status.error(why);
                return done(List.of(why));
            }
            stack.execute(Commands.replaceAll("Apply code", applied.document()));
            if (applied.unmapped().isEmpty()) status.info("Code applied to the graph");
            else status.error("Code compiled; not shown as blocks: " + String.join("; ", applied.unmapped()));
            return done(applied.unmapped());
        }, e -> {
            if (e instanceof CompileException ce) {
                status.error("Compile error at line " + ce.line() + ": " + ce.shortMessage());
                return done(List.of("line " + ce.line() + ": " + ce.shortMessage()));
            }
            status.error("Cannot apply the code: " + message(e));
            return done(List.of(message(e)));
        });
    }

    CompletableFuture<Optional<Path>> exportToTemp() {
        GraphDocument snapshot = snapshotOnUiThread();
        Path dir = scratch.next("studio");
        return jobs.run("handing over", snapshot.title(), c -> session.export(snapshot, dir), model -> {
            if (moduleOrigin == null) keepModule("scripted", resultIr.get());
            ScratchFolders.deleteOnExit(dir);
            return done(Optional.of(model.file()));
        }, e -> {
            status.error("Cannot hand the model to the studio: " + message(e));
            return done(Optional.empty());
        });
    }

    void dispose() {
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

    private static String compileFailure(String prefix, Throwable e) {
        if (e instanceof IncompleteGraphException g) return prefix + ": " + String.join("; ", g.issues());
        if (e instanceof CompileException c) return "Compile error at line " + c.line() + ": " + c.shortMessage();
        return prefix + ": " + message(e);
    }

    private CompletableFuture<Boolean> fail(String message) {
        status.error(message);
        return done(false);
    }

    private static <R> CompletableFuture<R> done(R value) {
        return CompletableFuture.completedFuture(value);
    }

    private static String message(Throwable e) {
        Throwable t = ModelJobs.unwrap(e);
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
