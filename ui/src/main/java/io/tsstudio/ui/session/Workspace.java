package io.tsstudio.ui.session;

import io.tsstudio.ui.editor.EditorViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.function.BiConsumer;

/**
 * The studio's shared selection, which panels observe: the active model (the last one opened or focused), the
 * active editor buffer and its caret. Components that are not part of the editor (the graph view, the run panel)
 * plug in through this object: they read {@link #activeModelProperty()} and call {@link #revealSource(int, int)}
 * to jump to a source position (graph-to-code), and may follow {@link #caretProperty()} (code-to-graph).
 */
public final class Workspace {
    /** A 1-based line and column in the active buffer. */
    public record Caret(int line, int column) {
    }

    private final ObjectProperty<OpenModel> activeModel = new SimpleObjectProperty<>(this, "activeModel");
    private final ObjectProperty<EditorViewModel> activeBuffer = new SimpleObjectProperty<>(this, "activeBuffer");
    private final ObjectProperty<Caret> caret = new SimpleObjectProperty<>(this, "caret", new Caret(1, 1));
    private BiConsumer<Integer, Integer> revealer = (l, c) -> { };

    public ObjectProperty<OpenModel> activeModelProperty() {
        return activeModel;
    }

    public OpenModel activeModel() {
        return activeModel.get();
    }

    public ObjectProperty<EditorViewModel> activeBufferProperty() {
        return activeBuffer;
    }

    public EditorViewModel activeBuffer() {
        return activeBuffer.get();
    }

    public ObjectProperty<Caret> caretProperty() {
        return caret;
    }

    /** Moves the active editor's caret to a source position (e.g. a graph node's source range), without taking the keyboard focus. */
    public void revealSource(int line, int column) {
        revealer.accept(line, column);
    }

    /** Set by the main window: how {@link #revealSource(int, int)} reaches the editor. */
    public void setRevealer(BiConsumer<Integer, Integer> revealer) {
        this.revealer = revealer;
    }
}
