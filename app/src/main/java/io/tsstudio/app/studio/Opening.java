package io.tsstudio.app.studio;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.session.OpenListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * One file being opened, as the status bar (stage, progress, Cancel) and the graph (drawn as soon as the module is
 * loaded, before its summary and code) follow it. The opening thread reports through {@link OpenListener}; the
 * properties change on the FX executor. Progress is -1 while unknown (LibTorch's load reports none).
 */
public final class Opening implements OpenListener {
    private final Path file;
    private final long startNanos = System.nanoTime();
    private final Executor fx;
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper(this, "stage", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<ScriptModule> module = new ReadOnlyObjectWrapper<>(this, "module");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private volatile boolean cancelled;

    Opening(Path file, Executor fx) {
        this.file = file;
        this.fx = fx;
        stage.set("Opening " + file.getFileName() + "\u2026");
    }

    public Path file() {
        return file;
    }

    /** {@link System#nanoTime()} when the open was asked for. */
    public long startNanos() {
        return startNanos;
    }

    public long millisSinceStart() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Asks the open to stop at its next step; what it loaded is closed. */
    public void cancel() {
        cancelled = true;
        fx.execute(() -> stage.set("Cancelling the opening of " + file.getFileName() + "\u2026"));
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void loaded(ScriptModule m) {
        fx.execute(() -> {
            if (!finished.get()) module.set(m);
        });
    }

    @Override
    public void progress(String what, double fraction) {
        fx.execute(() -> {
            if (finished.get() || cancelled) return;
            stage.set(fraction < 0 ? what + "\u2026" : String.format("%s\u2026 %d%%", what, Math.round(fraction * 100)));
            progress.set(fraction);
        });
    }

    /** Call on the FX thread when the open has ended, whatever the outcome. */
    void finish() {
        finished.set(true);
        module.set(null);
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The loaded module while the rest is read; null before it is loaded and after the open ended. */
    public ReadOnlyObjectProperty<ScriptModule> moduleProperty() {
        return module.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
