package io.tsstudio.app.studio;

import io.tsstudio.ui.console.LogConsole;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * What the studio tells the user, from any thread: the status line, the last error (the banner over the editor)
 * and notices, errors that need no answer (a failed save, a failed autosave) and that the window shows as
 * non-blocking notifications. Every change lands on the FX executor; each also goes to the console.
 */
public final class StudioMessages {
    private final Executor fx;
    private final LogConsole console;
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", "");
    private final ObservableList<String> notices = FXCollections.observableArrayList();

    StudioMessages(Executor fx, LogConsole console) {
        this.fx = fx;
        this.console = console;
    }

    /** An operation failed: console, status line and the error banner. */
    void report(String what, Throwable e) {
        Throwable cause = unwrap(e);
        String msg = what + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
        fx.execute(() -> {
            console.error(msg);
            status.set(firstLine(msg));
            lastError.set(msg);
        });
    }

    /** A warning the user must see (a file opened without its operators); it stays in the banner. Call on the FX thread. */
    void warn(String msg) {
        console.warning(msg);
        lastError.set(msg);
    }

    /** An error that needs no answer: console, status line, and a notice the window shows without a dialog. */
    void notice(String msg) {
        fx.execute(() -> {
            console.error(msg);
            status.set(firstLine(msg));
            notices.add(msg);
        });
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    void dismissError() {
        lastError.set("");
    }

    StringProperty status() {
        return status;
    }

    ReadOnlyStringProperty lastError() {
        return lastError.getReadOnlyProperty();
    }

    /** Notices in the order they came; the window shows each once and may clear the list. */
    ObservableList<String> notices() {
        return notices;
    }
}
