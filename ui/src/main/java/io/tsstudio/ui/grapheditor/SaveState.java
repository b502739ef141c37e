package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.GraphDocument;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.file.Path;

/**
 * Whether a graph document differs from its file, and which file that is. Dirtiness is a revision compare, so an
 * edit undone back to the saved state is clean again, and edits made while a save was written keep it dirty.
 */
final class SaveState {
    private final GraphDocument doc;
    private final ReadOnlyBooleanWrapper dirty;
    private final ReadOnlyObjectWrapper<Path> file;
    private long savedRevision;

    /** @param bean the view model the properties belong to (their bean, for listeners that ask) */
    SaveState(Object bean, GraphDocument doc) {
        this.doc = doc;
        this.dirty = new ReadOnlyBooleanWrapper(bean, "dirty");
        this.file = new ReadOnlyObjectWrapper<>(bean, "file");
        this.savedRevision = doc.revision();
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    boolean isDirty() {
        return dirty.get();
    }

    /** Called after every document change. */
    void documentChanged() {
        dirty.set(doc.revision() != savedRevision);
    }

    /** The document as it was at {@code revision} is what the file holds now. */
    void markSaved(long revision) {
        savedRevision = revision;
        documentChanged();
    }

    /** The document holds work that was never saved (a recovered autosave). */
    void markUnsaved() {
        savedRevision = -1;
        dirty.set(true);
    }

    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    Path file() {
        return file.get();
    }

    void setFile(Path f) {
        file.set(f);
    }
}
