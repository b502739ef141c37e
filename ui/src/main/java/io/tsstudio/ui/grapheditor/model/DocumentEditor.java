package io.tsstudio.ui.grapheditor.model;

import java.util.Optional;

/**
 * Direct edits of a detached document under construction (an import, a document rebuilt from edited code). No
 * history and no listeners: bring the result into a live document with {@link Commands#replaceAll}, which is undoable.
 * Connections are still checked against the rules.
 */
public final class DocumentEditor {
    private final GraphDocument doc;

    public DocumentEditor(GraphDocument doc) {
        this.doc = doc;
    }

    public void setTitle(String title) {
        doc.setTitle(title);
    }

    public void add(Block b) {
        if (doc.find(b.id()).isPresent()) throw new IllegalArgumentException("a block with id '" + b.id() + "' exists already");
        Signatures.of(b);
        doc.putBlock(b);
    }

    public void replace(Block b) {
        doc.replaceBlock(b);
    }

    public void connect(Connection c) {
        Optional<String> why = ConnectionRules.refusal(doc, c);
        if (why.isPresent()) throw new ConnectionRefusedException(why.get());
        doc.inputConnection(c.toBlock(), c.toPort()).ifPresent(doc::removeConnection);
        doc.addConnection(c);
    }
}
