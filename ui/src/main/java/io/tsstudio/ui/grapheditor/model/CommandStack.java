package io.tsstudio.ui.grapheditor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Runs commands on one document and keeps them for undo and redo. */
public final class CommandStack {
    private final GraphDocument doc;
    private final Deque<DocumentCommand> undo = new ArrayDeque<>();
    private final Deque<DocumentCommand> redo = new ArrayDeque<>();

    public CommandStack(GraphDocument doc) {
        this.doc = doc;
    }

    public GraphDocument document() {
        return doc;
    }

    /** Applies the command; if it throws (a refused connection, a bad name) nothing changed and nothing is recorded. */
    public void execute(DocumentCommand c) {
        c.apply(doc);
        undo.push(c);
        redo.clear();
        doc.changed();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoLabel() {
        return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peek().label());
    }

    public Optional<String> redoLabel() {
        return redo.isEmpty() ? Optional.empty() : Optional.of(redo.peek().label());
    }

    public void undo() {
        if (undo.isEmpty()) return;
        DocumentCommand c = undo.pop();
        c.revert(doc);
        redo.push(c);
        doc.changed();
    }

    public void redo() {
        if (redo.isEmpty()) return;
        DocumentCommand c = redo.pop();
        c.apply(doc);
        undo.push(c);
        doc.changed();
    }

    public int undoDepth() {
        return undo.size();
    }

    /** Forgets history, e.g. after opening another document. */
    public void clear() {
        undo.clear();
        redo.clear();
    }
}
