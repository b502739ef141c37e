package io.tsstudio.ui.grapheditor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Copied blocks with the connections among them. Pasting makes fresh ids and names and offsets positions. */
public record Clipboard(List<Block> blocks, List<Connection> connections) {
    public Clipboard {
        blocks = List.copyOf(blocks);
        connections = List.copyOf(connections);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The paste command; {@code pastedIds} receives the new blocks' ids (to select them). */
    public DocumentCommand pasteInto(GraphDocument doc, double dx, double dy, List<String> pastedIds) {
        Map<String, String> idMap = new HashMap<>();
        Set<String> namesUsed = new HashSet<>();
        List<DocumentCommand> parts = new ArrayList<>();
        for (Block b : blocks) {
            String id = doc.newIdAvoiding(idMap.values());
            idMap.put(b.id(), id);
            String name = doc.uniqueName(b.name(), namesUsed);
            namesUsed.add(name);
            Block copy = new Block(id, b.kind(), b.type(), name, b.settings(), b.schema(), b.x() + dx, b.y() + dy);
            parts.add(Commands.addBlock(copy));
            pastedIds.add(id);
        }
        for (Connection c : connections) {
            parts.add(Commands.connect(new Connection(idMap.get(c.fromBlock()), c.fromPort(), idMap.get(c.toBlock()), c.toPort())));
        }
        return Commands.composite("Paste " + blocks.size() + " block" + (blocks.size() == 1 ? "" : "s"), parts);
    }
}
