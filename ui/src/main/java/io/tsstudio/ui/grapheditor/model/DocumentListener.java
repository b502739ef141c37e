package io.tsstudio.ui.grapheditor.model;

/** Told after every change of a document (one call per command, undo or redo). */
@FunctionalInterface
public interface DocumentListener {
    void documentChanged(GraphDocument document);
}
