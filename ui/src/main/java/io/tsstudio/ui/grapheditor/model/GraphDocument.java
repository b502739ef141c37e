package io.tsstudio.ui.grapheditor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The editable graph: blocks, connections and positions. Read it freely; change it only through
 * {@link DocumentCommand}s run by a {@link CommandStack}, so every edit can be undone. Not thread-safe: one thread
 * (the UI thread, or a test) owns it.
 */
public final class GraphDocument {
    private static final Set<String> RESERVED = Set.of("self", "torch", "ops", "math", "input", "None", "True", "False", "and", "or",
            "not", "if", "else", "elif", "for", "while", "in", "is", "def", "return", "class", "import", "from", "pass", "break",
            "continue", "lambda", "with", "as", "global", "assert", "del", "raise", "try", "except", "finally", "yield", "Tensor",
            "int", "float", "bool", "str", "List", "Optional", "Tuple", "Dict", "print", "range", "len");

    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    // indexes kept in step with the connection list: the canvas asks per port on every frame
    private final Map<String, Map<String, Connection>> inputs = new HashMap<>();
    private final Map<String, List<Connection>> outgoing = new HashMap<>();
    private final List<DocumentListener> listeners = new CopyOnWriteArrayList<>();
    private String title = "model";
    private long nextId = 1;
    private long revision;

    public String title() {
        return title;
    }

    void setTitle(String t) {
        title = t;
    }

    /** Grows by one with every change; views use it to know whether to recompute. */
    public long revision() {
        return revision;
    }

    public Collection<Block> blocks() {
        return Collections.unmodifiableCollection(blocks.values());
    }

    public int size() {
        return blocks.size();
    }

    public Optional<Block> find(String id) {
        return Optional.ofNullable(blocks.get(id));
    }

    public Block block(String id) {
        Block b = blocks.get(id);
        if (b == null) throw new IllegalArgumentException("no block with id '" + id + "'");
        return b;
    }

    public Optional<Block> byName(String name) {
        for (Block b : blocks.values()) if (b.name().equals(name)) return Optional.of(b);
        return Optional.empty();
    }

    public List<Connection> connections() {
        return Collections.unmodifiableList(connections);
    }

    public Optional<Connection> inputConnection(String blockId, String port) {
        Map<String, Connection> m = inputs.get(blockId);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(port));
    }

    public Collection<Connection> incoming(String blockId) {
        Map<String, Connection> m = inputs.get(blockId);
        return m == null ? List.of() : Collections.unmodifiableCollection(m.values());
    }

    public List<Connection> outgoing(String blockId) {
        List<Connection> l = outgoing.get(blockId);
        return l == null ? List.of() : Collections.unmodifiableList(l);
    }

    public BlockSignature signature(String blockId) {
        return Signatures.of(block(blockId));
    }

    public List<Block> blocksOf(BlockKind kind) {
        List<Block> out = new ArrayList<>();
        for (Block b : blocks.values()) if (b.kind() == kind) out.add(b);
        return out;
    }

    /** Whether {@code to} can be reached from {@code from} along connections. */
    public boolean reaches(String from, String to) {
        if (from.equals(to)) return true;
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(from);
        while (!todo.isEmpty()) {
            String b = todo.poll();
            for (Connection c : outgoing(b)) {
                if (c.toBlock().equals(to)) return true;
                if (seen.add(c.toBlock())) todo.add(c.toBlock());
            }
        }
        return false;
    }

    /** Blocks in an order where every block comes after the blocks it reads; ties keep document order. */
    public List<Block> topologicalOrder() {
        Map<String, Integer> pending = new HashMap<>();
        for (Block b : blocks.values()) pending.put(b.id(), incoming(b.id()).size());
        List<Block> order = new ArrayList<>(blocks.size());
        // document order among ready blocks keeps generated code stable across edits
        Deque<String> ready = new ArrayDeque<>();
        for (Block b : blocks.values()) if (pending.get(b.id()) == 0) ready.add(b.id());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(blocks.get(id));
            for (Connection c : outgoing(id)) {
                int left = pending.merge(c.toBlock(), -1, Integer::sum);
                if (left == 0) ready.add(c.toBlock());
            }
        }
        if (order.size() != blocks.size()) throw new IllegalStateException("the document has a cycle");
        return order;
    }

    /** A fresh block id. */
    public String newId() {
        String id;
        do {
            id = "b" + nextId++;
        } while (blocks.containsKey(id));
        return id;
    }

    /** Makes later fresh ids avoid these (ids a document under construction will take over from another). */
    public void reserveIds(Iterable<String> ids) {
        for (String id : ids) bumpIdPast(id);
    }

    /** A fresh block id that is also none of {@code reserved} (ids handed out for blocks not added yet). */
    public String newIdAvoiding(Collection<String> reserved) {
        String id;
        do {
            id = newId();
        } while (reserved.contains(id));
        return id;
    }

    /** An identifier based on {@code base} that no block uses yet and that TorchScript accepts as a name. */
    public String uniqueName(String base) {
        return uniqueName(base, Set.of());
    }

    public String uniqueName(String base, Set<String> alsoTaken) {
        String b = sanitize(base);
        Set<String> taken = new HashSet<>(alsoTaken);
        for (Block x : blocks.values()) taken.add(x.name());
        if (!taken.contains(b) && !RESERVED.contains(b)) return b;
        String stem = b.replaceAll("_?\\d+$", "");
        if (stem.isEmpty()) stem = b;
        for (int i = 1; ; i++) {
            String n = stem + i;
            if (!taken.contains(n) && !RESERVED.contains(n)) return n;
        }
    }

    public static boolean isIdentifier(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_]*") && !RESERVED.contains(s);
    }

    static String sanitize(String base) {
        String s = base.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) s = "v" + s;
        return s;
    }

    // ---- mutation: commands only ----

    void putBlock(Block b) {
        blocks.put(b.id(), b);
        bumpIdPast(b.id());
    }

    void putBlockAt(Block b, int index) {
        if (index < 0 || index >= blocks.size()) {
            putBlock(b);
            return;
        }
        List<Block> all = new ArrayList<>(blocks.values());
        all.add(index, b);
        blocks.clear();
        for (Block x : all) blocks.put(x.id(), x);
        bumpIdPast(b.id());
    }

    int indexOf(String id) {
        int i = 0;
        for (String k : blocks.keySet()) {
            if (k.equals(id)) return i;
            i++;
        }
        return -1;
    }

    void replaceBlock(Block b) {
        if (!blocks.containsKey(b.id())) throw new IllegalArgumentException("no block with id '" + b.id() + "'");
        blocks.put(b.id(), b);
    }

    void removeBlock(String id) {
        blocks.remove(id);
    }

    void addConnection(Connection c) {
        connections.add(c);
        inputs.computeIfAbsent(c.toBlock(), k -> new LinkedHashMap<>()).put(c.toPort(), c);
        outgoing.computeIfAbsent(c.fromBlock(), k -> new ArrayList<>()).add(c);
    }

    void removeConnection(Connection c) {
        connections.remove(c);
        Map<String, Connection> m = inputs.get(c.toBlock());
        if (m != null && c.equals(m.get(c.toPort()))) m.remove(c.toPort());
        List<Connection> l = outgoing.get(c.fromBlock());
        if (l != null) l.remove(c);
    }

    private void bumpIdPast(String id) {
        if (id.startsWith("b")) {
            try {
                nextId = Math.max(nextId, Long.parseLong(id.substring(1)) + 1);
            } catch (NumberFormatException ignored) {
                // ids from elsewhere need not be numbered
            }
        }
    }

    void changed() {
        revision++;
        for (DocumentListener l : listeners) l.documentChanged(this);
    }

    public void addListener(DocumentListener l) {
        listeners.add(l);
    }

    public void removeListener(DocumentListener l) {
        listeners.remove(l);
    }

    /** Structural equality with another document: same blocks (all fields) in the same order, same connections. */
    public boolean sameContent(GraphDocument other) {
        return title.equals(other.title) && new ArrayList<>(blocks.values()).equals(new ArrayList<>(other.blocks.values()))
                && new HashSet<>(connections).equals(new HashSet<>(other.connections)) && connections.size() == other.connections.size();
    }
}
