package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The edits a graph document supports, each an undoable {@link DocumentCommand}. */
public final class Commands {
    private Commands() {
    }

    public static DocumentCommand addBlock(Block b) {
        return new AddBlock(b);
    }

    public static DocumentCommand removeBlocks(Collection<String> ids) {
        return new RemoveBlocks(new LinkedHashSet<>(ids));
    }

    public static DocumentCommand connect(Connection c) {
        return new Connect(c);
    }

    public static DocumentCommand disconnect(Connection c) {
        return new Disconnect(c);
    }

    /** Sets a setting; a null value stores None. */
    public static DocumentCommand setSetting(String blockId, String key, Object value) {
        return new SetSetting(blockId, key, value, false);
    }

    /** Removes a setting so the default applies again. */
    public static DocumentCommand clearSetting(String blockId, String key) {
        return new SetSetting(blockId, key, null, true);
    }

    public static DocumentCommand rename(String blockId, String newName) {
        return new Rename(blockId, newName);
    }

    /** Changes a block's value type (inputs, outputs and constants). */
    public static DocumentCommand setType(String blockId, String type) {
        return new SetType(blockId, type);
    }

    public static DocumentCommand move(Map<String, double[]> positions) {
        return new Move(new LinkedHashMap<>(positions), "Move");
    }

    public static DocumentCommand layout(Map<String, double[]> positions) {
        return new Move(new LinkedHashMap<>(positions), "Auto layout");
    }

    public static DocumentCommand composite(String label, List<DocumentCommand> parts) {
        return new Composite(label, List.copyOf(parts));
    }

    /** Replaces the whole content (used when code edits or an import rebuild the graph). */
    public static DocumentCommand replaceAll(String label, GraphDocument content) {
        return new ReplaceAll(label, content);
    }

    private record AddBlock(Block b) implements DocumentCommand {
        public void apply(GraphDocument doc) {
            if (doc.find(b.id()).isPresent()) throw new IllegalArgumentException("a block with id '" + b.id() + "' exists already");
            if (!GraphDocument.isIdentifier(b.name())) throw new IllegalArgumentException("'" + b.name() + "' is not a usable name");
            if (doc.byName(b.name()).isPresent()) throw new IllegalArgumentException("the name '" + b.name() + "' is taken");
            Signatures.of(b); // a bad schema or type is refused here, not at paint time
            doc.putBlock(b);
        }

        public void revert(GraphDocument doc) {
            doc.removeBlock(b.id());
        }

        public String label() {
            return "Add " + b.name();
        }
    }

    private static final class RemoveBlocks implements DocumentCommand {
        private final Set<String> ids;
        private final List<Block> removed = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();
        private final List<Connection> cut = new ArrayList<>();

        RemoveBlocks(Set<String> ids) {
            this.ids = ids;
        }

        public void apply(GraphDocument doc) {
            removed.clear();
            positions.clear();
            cut.clear();
            for (String id : ids) doc.block(id);
            for (Connection c : doc.connections()) if (ids.contains(c.fromBlock()) || ids.contains(c.toBlock())) cut.add(c);
            for (Connection c : cut) doc.removeConnection(c);
            for (String id : ids) {
                positions.add(doc.indexOf(id));
                removed.add(doc.block(id));
                doc.removeBlock(id);
            }
        }

        public void revert(GraphDocument doc) {
            // reinsert in reverse removal order so each block lands at its old index
            for (int i = removed.size() - 1; i >= 0; i--) doc.putBlockAt(removed.get(i), positions.get(i));
            for (Connection c : cut) doc.addConnection(c);
        }

        public String label() {
            return ids.size() == 1 ? "Delete block" : "Delete " + ids.size() + " blocks";
        }
    }

    private static final class Connect implements DocumentCommand {
        private final Connection c;
        private Connection replaced;

        Connect(Connection c) {
            this.c = c;
        }

        public void apply(GraphDocument doc) {
            Optional<String> why = ConnectionRules.refusal(doc, c);
            if (why.isPresent()) throw new ConnectionRefusedException(why.get());
            replaced = doc.inputConnection(c.toBlock(), c.toPort()).orElse(null);
            if (replaced != null) doc.removeConnection(replaced);
            doc.addConnection(c);
        }

        public void revert(GraphDocument doc) {
            doc.removeConnection(c);
            if (replaced != null) doc.addConnection(replaced);
        }

        public String label() {
            return "Connect " + c;
        }
    }

    private record Disconnect(Connection c) implements DocumentCommand {
        public void apply(GraphDocument doc) {
            if (!doc.connections().contains(c)) throw new IllegalArgumentException("there is no connection " + c);
            doc.removeConnection(c);
        }

        public void revert(GraphDocument doc) {
            doc.addConnection(c);
        }

        public String label() {
            return "Disconnect " + c;
        }
    }

    private static final class SetSetting implements DocumentCommand {
        private final String blockId, key;
        private final Object value;
        private final boolean clear;
        private Block before;

        SetSetting(String blockId, String key, Object value, boolean clear) {
            this.blockId = blockId;
            this.key = key;
            this.value = value;
            this.clear = clear;
        }

        public void apply(GraphDocument doc) {
            before = doc.block(blockId);
            Block after = clear ? before.withoutSetting(key) : before.withSetting(key, value);
            if (after.kind() == BlockKind.CONSTANT && key.equals("value")) {
                after = new Block(after.id(), after.kind(), Literals.typeOf(value).toString(), after.name(), after.settings(), after.schema(),
                        after.x(), after.y());
            }
            checkSettingsUsable(after);
            doc.replaceBlock(after);
        }

        public void revert(GraphDocument doc) {
            doc.replaceBlock(before);
        }

        public String label() {
            return "Set " + key;
        }
    }

    private static void checkSettingsUsable(Block b) {
        if (b.kind() != BlockKind.MODULE) return;
        NnModules.find(b.type()).ifPresent(spec -> {
            for (SettingSpec s : spec.settings()) {
                Object v = b.settings().get(s.name());
                if (v != null && !s.type().accepts(Literals.typeOf(v))) {
                    throw new IllegalArgumentException("setting '" + s.name() + "' of " + b.name() + " takes " + s.type() + ", not " + Literals.render(v));
                }
            }
        });
    }

    private static final class Rename implements DocumentCommand {
        private final String blockId, newName;
        private Block before;

        Rename(String blockId, String newName) {
            this.blockId = blockId;
            this.newName = newName;
        }

        public void apply(GraphDocument doc) {
            Block b = doc.block(blockId);
            if (!GraphDocument.isIdentifier(newName)) throw new IllegalArgumentException("'" + newName + "' is not a usable name: use letters, digits and _");
            Optional<Block> other = doc.byName(newName);
            if (other.isPresent() && !other.get().id().equals(blockId)) throw new IllegalArgumentException("the name '" + newName + "' is taken");
            before = b;
            doc.replaceBlock(b.withName(newName));
        }

        public void revert(GraphDocument doc) {
            doc.replaceBlock(before);
        }

        public String label() {
            return "Rename to " + newName;
        }
    }

    private static final class SetType implements DocumentCommand {
        private final String blockId, type;
        private Block before;
        private final List<Connection> cut = new ArrayList<>();

        SetType(String blockId, String type) {
            this.blockId = blockId;
            this.type = type;
        }

        public void apply(GraphDocument doc) {
            Block b = doc.block(blockId);
            if (b.kind() == BlockKind.MODULE || b.kind() == BlockKind.OPERATOR) throw new IllegalArgumentException("the type of " + b.name() + " is fixed");
            TypeRef t = TypeRef.parse(type);
            before = b;
            Block after = new Block(b.id(), b.kind(), t.toString(), b.name(), b.settings(), b.schema(), b.x(), b.y());
            doc.replaceBlock(after);
            // connections the new type no longer allows go, and come back on undo
            cut.clear();
            List<Connection> touching = new ArrayList<>(doc.incoming(blockId));
            touching.addAll(doc.outgoing(blockId));
            for (Connection c : touching) {
                doc.removeConnection(c);
                if (ConnectionRules.refusal(doc, c).isPresent()) cut.add(c);
                else doc.addConnection(c);
            }
        }

        public void revert(GraphDocument doc) {
            doc.replaceBlock(before);
            for (Connection c : cut) doc.addConnection(c);
        }

        public String label() {
            return "Set type " + type;
        }
    }

    private static final class Move implements DocumentCommand {
        private final Map<String, double[]> to;
        private final Map<String, double[]> from = new LinkedHashMap<>();
        private final String label;

        Move(Map<String, double[]> to, String label) {
            this.to = to;
            this.label = label;
        }

        public void apply(GraphDocument doc) {
            from.clear();
            for (var e : to.entrySet()) {
                Block b = doc.block(e.getKey());
                from.put(b.id(), new double[] {b.x(), b.y()});
            }
            for (var e : to.entrySet()) doc.replaceBlock(doc.block(e.getKey()).at(e.getValue()[0], e.getValue()[1]));
        }

        public void revert(GraphDocument doc) {
            for (var e : from.entrySet()) doc.replaceBlock(doc.block(e.getKey()).at(e.getValue()[0], e.getValue()[1]));
        }

        public String label() {
            return label;
        }
    }

    private record Composite(String label, List<DocumentCommand> parts) implements DocumentCommand {
        public void apply(GraphDocument doc) {
            int done = 0;
            try {
                for (DocumentCommand c : parts) {
                    c.apply(doc);
                    done++;
                }
            } catch (RuntimeException e) {
                for (int i = done - 1; i >= 0; i--) parts.get(i).revert(doc);
                throw e;
            }
        }

        public void revert(GraphDocument doc) {
            for (int i = parts.size() - 1; i >= 0; i--) parts.get(i).revert(doc);
        }
    }

    private static final class ReplaceAll implements DocumentCommand {
        private final String label;
        private final GraphDocument content;
        private GraphDocument before;

        ReplaceAll(String label, GraphDocument content) {
            this.label = label;
            this.content = content;
        }

        public void apply(GraphDocument doc) {
            before = snapshot(doc);
            copyInto(content, doc);
        }

        public void revert(GraphDocument doc) {
            copyInto(before, doc);
        }

        public String label() {
            return label;
        }
    }

    /** A detached copy of a document's content (no listeners, no history). */
    public static GraphDocument snapshot(GraphDocument doc) {
        GraphDocument copy = new GraphDocument();
        copyInto(doc, copy);
        return copy;
    }

    static void copyInto(GraphDocument from, GraphDocument to) {
        for (Connection c : new ArrayList<>(to.connections())) to.removeConnection(c);
        for (Block b : new ArrayList<>(to.blocks())) to.removeBlock(b.id());
        to.setTitle(from.title());
        for (Block b : from.blocks()) to.putBlock(b);
        for (Connection c : from.connections()) to.addConnection(c);
    }

    /** Sets the document title (the generated module's class name). */
    public static DocumentCommand retitle(String title) {
        Objects.requireNonNull(title);
        return new DocumentCommand() {
            private String before;

            public void apply(GraphDocument doc) {
                if (!title.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("'" + title + "' is not a usable model name");
                before = doc.title();
                doc.setTitle(title);
            }

            public void revert(GraphDocument doc) {
                doc.setTitle(before);
            }

            public String label() {
                return "Rename model";
            }
        };
    }

    /** Copies blocks and the connections among them; {@link Clipboard#pasteInto} makes the paste command. */
    public static Clipboard copy(GraphDocument doc, Collection<String> ids) {
        Set<String> set = new HashSet<>(ids);
        List<Block> bs = new ArrayList<>();
        for (Block b : doc.blocks()) if (set.contains(b.id())) bs.add(b);
        List<Connection> cs = new ArrayList<>();
        for (Connection c : doc.connections()) if (set.contains(c.fromBlock()) && set.contains(c.toBlock())) cs.add(c);
        bs.sort(Comparator.comparingInt(b -> doc.indexOf(b.id())));
        return new Clipboard(bs, cs);
    }
}
