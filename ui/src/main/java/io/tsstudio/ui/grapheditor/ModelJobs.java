package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.concurrent.Work;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One graph editor's model jobs, one at a time (they share the session's module and weights): a second is refused
 * while one runs, and a closed editor's session is closed once the job in flight is done. Called on the UI thread;
 * results are applied there.
 */
final class ModelJobs {
    private final TaskRunner runner;
    private final ModelSession session;
    private final Consumer<String> info;
    private final Consumer<String> error;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private String busyWith = "";
    private boolean disposed;
    private boolean sessionClosed;

    ModelJobs(TaskRunner runner, ModelSession session, Consumer<String> info, Consumer<String> error) {
        this.runner = runner;
        this.session = session;
        this.info = info;
        this.error = error;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    boolean isDisposed() {
        return disposed;
    }

    /**
     * Runs {@code work} on the engine lane and applies its value with {@code then} on the UI thread (which may start
     * more, e.g. a worker run: the editor stays busy until that completes); a failure goes to {@code failed}.
     * {@code title} names the document in the status line.
     */
    <T, R> CompletableFuture<R> run(String what, String title, Work<T> work, Function<T, CompletableFuture<R>> then,
                                    Function<Throwable, CompletableFuture<R>> failed) {
        runner.checkUiThread();
        if (disposed) return failed.apply(new IllegalStateException("the editor is closed"));
        if (busy.get()) {
            String why = "Still " + busyWith + "; wait for it to finish";
            CompletableFuture<R> refused = failed.apply(new IllegalStateException(why));
            error.accept(why); // the refusal, not the handler's wording, is what the user needs to read
            return refused;
        }
        busy.set(true);
        busyWith = what;
        info.accept(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " " + title + "…");
        CompletableFuture<R> out = new CompletableFuture<>();
        runner.submit(Lane.ENGINE, work).result().whenComplete((value, e) -> {
            CompletableFuture<R> next;
            try {
                next = e == null ? then.apply(value) : failed.apply(unwrap(e));
            } catch (RuntimeException applyFailed) {
                error.accept("Failed while " + what + ": " + applyFailed.getMessage());
                next = CompletableFuture.failedFuture(applyFailed);
            }
            next.whenComplete((r, e2) -> runner.ui().execute(() -> {
                busy.set(false);
                if (disposed) closeSession();
                if (e2 != null) out.completeExceptionally(e2);
                else out.complete(r);
            }));
        });
        return out;
    }

    /** Closes the session now, or after the job in flight; later jobs are refused. */
    void dispose() {
        disposed = true;
        if (!busy.get()) closeSession();
    }

    private void closeSession() {
        if (sessionClosed) return;
        sessionClosed = true;
        session.close();
    }

    static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        return e;
    }
}
