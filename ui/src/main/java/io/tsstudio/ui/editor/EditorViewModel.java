package io.tsstudio.ui.editor;

import io.tsstudio.ui.concurrent.LatestResultWorker;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * One editor buffer: its text (mirrored from the view), where it came from, whether it differs from what was saved,
 * and its compile diagnostics. Typing calls {@link #textChanged(String)}; the buffer is compiled in the background
 * after a pause (debounced, latest snapshot wins) and the diagnostics list is replaced on the delivery executor.
 * Holds no nodes: tested without a toolkit.
 */
public final class EditorViewModel implements AutoCloseable {
    /** Quiet time after the last keystroke before compiling. */
    public static final long CHECK_DELAY_MILLIS = 150;

    private final String id;
    private final BufferKind kind;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty savedText = new SimpleStringProperty(this, "savedText", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final BooleanBinding dirty;
    private final StringBinding title;
    private final LatestResultWorker<String, List<Diagnostic>> checks;
    private final java.util.List<java.util.function.Consumer<String>> replaceListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile SourceChecker checker;
    private long checkDelayMillis = CHECK_DELAY_MILLIS;

    public EditorViewModel(BufferKind kind, String name, Path file, String initialText, SourceChecker checker, Executor delivery) {
        this(UUID.randomUUID().toString(), kind, name, file, initialText, checker, delivery);
    }

    public EditorViewModel(String id, BufferKind kind, String name, Path file, String initialText, SourceChecker checker, Executor delivery) {
        this.id = id;
        this.kind = kind;
        this.checker = checker == null ? SourceChecker.NONE : checker;
        this.file.set(file);
        this.name.set(name);
        this.text.set(initialText);
        this.savedText.set(initialText);
        this.dirty = Bindings.createBooleanBinding(() -> !text.get().equals(savedText.get()), text, savedText);
        this.title = Bindings.createStringBinding(() -> (dirty.get() ? "\u2022 " : "") + this.name.get(), this.name, dirty);
        this.checks = new LatestResultWorker<>("check-" + name, this::runCheck, delivery, result -> {
            diagnostics.setAll(result);
            checking.set(false);
        });
    }

    private List<Diagnostic> runCheck(String snapshot) {
        return checker.check(snapshot);
    }

    /** The view reports every text change here; a check is scheduled after a quiet period. */
    public void textChanged(String newText) {
        text.set(newText);
        requestCheck();
    }

    /** Compiles the current text in the background (after the debounce delay). */
    public void requestCheck() {
        if (kind == BufferKind.READ_ONLY) return;
        checking.set(true);
        checks.submit(text.get(), checkDelayMillis);
    }

    /**
     * Replaces the text from outside the editor (recovery, reload); an attached view updates its text area, which
     * reports back through {@link #textChanged(String)}. Without a view the text is simply set.
     */
    public void replaceText(String newText) {
        if (replaceListeners.isEmpty()) textChanged(newText);
        else replaceListeners.forEach(l -> l.accept(newText));
    }

    /** The view registers here to apply {@link #replaceText(String)}. */
    public void onReplaceText(java.util.function.Consumer<String> listener) {
        replaceListeners.add(listener);
    }

    /** Marks the current text as saved (after writing it, or after recompiling it into the module). */
    public void markSaved() {
        savedText.set(text.get());
    }

    /** Replaces the checker (e.g. after the module behind a code tab was reloaded) and re-checks. */
    public void setChecker(SourceChecker checker) {
        this.checker = checker == null ? SourceChecker.NONE : checker;
        requestCheck();
    }

    public void setCheckDelayMillis(long millis) {
        this.checkDelayMillis = millis;
    }

    /** Diagnostics reported by something other than the live check (e.g. "Recompile" failing). */
    public void showDiagnostics(List<Diagnostic> list) {
        diagnostics.setAll(list);
    }

    public String id() {
        return id;
    }

    public BufferKind kind() {
        return kind;
    }

    public boolean isReadOnly() {
        return kind == BufferKind.READ_ONLY;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public Path file() {
        return file.get();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public String name() {
        return name.get();
    }

    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    public String savedText() {
        return savedText.get();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public StringBinding titleProperty() {
        return title;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ObservableList<Diagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public void close() {
        checks.close();
    }
}
