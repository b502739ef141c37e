package io.tsstudio.ui.grapheditor.model;

/**
 * One undoable edit. {@link #apply} either changes the document completely or throws and leaves it as it was;
 * {@link #revert} undoes exactly what the last apply did.
 */
public interface DocumentCommand {
    void apply(GraphDocument doc);

    void revert(GraphDocument doc);

    /** Shown in the Edit menu: "Undo Connect fc1 -> relu". */
    String label();
}
