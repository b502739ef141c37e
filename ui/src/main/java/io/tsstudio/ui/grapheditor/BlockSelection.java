package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.GraphDocument;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The selected blocks, by id, in the order they were selected. It is not part of the document (selecting is not an
 * edit and is not undone); ids of deleted blocks drop out when the document changes. Every change repaints.
 */
final class BlockSelection {
    private final GraphDocument doc;
    private final Runnable repaint;
    private final Set<String> ids = new LinkedHashSet<>();

    BlockSelection(GraphDocument doc, Runnable repaint) {
        this.doc = doc;
        this.repaint = repaint;
    }

    Set<String> ids() {
        return Collections.unmodifiableSet(ids);
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    /** Selects one block; {@code additive} toggles it in the selection instead of replacing the selection. */
    void select(String id, boolean additive) {
        if (!additive) ids.clear();
        if (additive && ids.contains(id)) ids.remove(id);
        else ids.add(id);
        repaint.run();
    }

    void selectAll(Collection<String> more, boolean additive) {
        if (!additive) ids.clear();
        ids.addAll(more);
        repaint.run();
    }

    void clear() {
        if (ids.isEmpty()) return;
        ids.clear();
        repaint.run();
    }

    Optional<Block> single() {
        return ids.size() == 1 ? doc.find(ids.iterator().next()) : Optional.empty();
    }

    /** Forgets blocks the document no longer has (the caller repaints). */
    void dropDeleted() {
        ids.removeIf(id -> doc.find(id).isEmpty());
    }
}
