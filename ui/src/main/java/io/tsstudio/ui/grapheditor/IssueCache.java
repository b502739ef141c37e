package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockIssues;
import io.tsstudio.ui.grapheditor.model.GraphDocument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each block's issues, computed once per document revision: the canvas asks for every block on every frame. */
final class IssueCache {
    private final GraphDocument doc;
    private final Map<String, List<String>> byBlock = new HashMap<>();
    private long revision = -1;

    IssueCache(GraphDocument doc) {
        this.doc = doc;
    }

    List<String> of(Block b) {
        if (revision != doc.revision()) {
            byBlock.clear();
            revision = doc.revision();
        }
        return byBlock.computeIfAbsent(b.id(), id -> BlockIssues.of(doc, doc.block(id)));
    }
}
