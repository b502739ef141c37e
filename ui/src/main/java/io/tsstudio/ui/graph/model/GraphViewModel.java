package io.tsstudio.ui.graph.model;

import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrSourceRange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state of one graph view, without a toolkit: which containers are open, folding and flat options, selection,
 * search and highlights. Listeners hear about structure changes (re-layout needed) and selection changes.
 */
public final class GraphViewModel {
    private final IrGraph graph;
    private final SubgraphLoader loader;
    private GraphOptions options;
    private GroupBuilder builder;
    private GraphGroup root;
    private final Set<String> expanded = new HashSet<>();
    private final List<Runnable> structureListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<GraphNode>> selectionListeners = new CopyOnWriteArrayList<>();
    private ShapeLookup shapes = ShapeLookup.none();
    private GraphNode selected;
    private Set<GraphNode> traced = Set.of();
    private Set<GraphNode> sourceHits = Set.of();
    private SearchResults search;
    private long version;
    private final Set<GraphNode> hiddenNodes = new HashSet<>();
    private final Set<GraphEdge> hiddenEdges = new HashSet<>();

    public GraphViewModel(IrGraph graph, SubgraphLoader loader) {
        this(graph, loader, GraphOptions.defaults());
    }

    public GraphViewModel(IrGraph graph, SubgraphLoader loader, GraphOptions options) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.options = Objects.requireNonNull(options, "options");
        rebuild();
    }

    private void rebuild() {
        builder = new GroupBuilder(loader, options);
        root = builder.root(graph);
        selected = null;
        traced = Set.of();
        sourceHits = Set.of();
        search = null;
        hiddenNodes.clear();
        hiddenEdges.clear();
    }

    public IrGraph graph() {
        return graph;
    }

    public GraphGroup root() {
        return root;
    }

    public GraphOptions options() {
        return options;
    }

    /** Structure version: bumps on every expand, collapse or option change (layouts are cached against it). */
    public long version() {
        return version;
    }

    /** Rebuilds the groups with new options; open containers stay open where their ids still exist. */
    public void setOptions(GraphOptions newOptions) {
        if (!newOptions.equals(options)) {
            options = newOptions;
            rebuild();
            fireStructure();
        }
    }

    public void setFoldConstants(boolean fold) {
        setOptions(options.withFoldConstants(fold));
    }

    public void setFlat(boolean flat) {
        setOptions(options.withFlat(flat));
    }

    public void setShapes(ShapeLookup shapes) {
        this.shapes = shapes == null ? ShapeLookup.none() : shapes;
    }

    public ShapeLookup shapes() {
        return shapes;
    }

    // ---- expand / collapse

    /** A copy of the open containers' ids, for a layout running on another thread while the user keeps clicking. */
    public Set<String> expandedIds() {
        return Set.copyOf(expanded);
    }

    public boolean isExpanded(GraphNode n) {
        return n.isContainer() && expanded.contains(n.id());
    }

    public void expand(GraphNode n) {
        if (n.isContainer() && expanded.add(n.id())) {
            n.content();
            openBranches(n);
            fireStructure();
        }
    }

    /** An If shows its branches open: a closed If inside an open one would hide what the user asked to see. */
    private void openBranches(GraphNode n) {
        if (n.kind() == NodeKind.CONTROL) {
            for (GraphNode b : n.content().nodes()) {
                if (b.kind() == NodeKind.BRANCH) {
                    expanded.add(b.id());
                }
            }
        }
    }

    public void collapse(GraphNode n) {
        if (expanded.remove(n.id())) {
            fireStructure();
        }
    }

    public void toggle(GraphNode n) {
        if (isExpanded(n)) {
            collapse(n);
        } else {
            expand(n);
        }
    }

    /** Opens every container, loading submodules as needed; stops opening once {@code maxNodes} nodes are visible. */
    public void expandAll(int maxNodes) {
        int visible = root.nodes().size();
        Deque<GraphGroup> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            GraphGroup g = todo.poll();
            for (GraphNode n : g.nodes()) {
                if (!n.isContainer()) {
                    continue;
                }
                int size = n.content().nodes().size();
                if (!expanded.contains(n.id())) {
                    if (visible + size > maxNodes) {
                        continue;
                    }
                    expanded.add(n.id());
                    visible += size;
                }
                todo.add(n.content());
            }
        }
        fireStructure();
    }

    public void expandAll() {
        expandAll(Integer.MAX_VALUE);
    }

    public void collapseAll() {
        expanded.clear();
        fireStructure();
    }

    /** Opens every container above {@code n} so it is drawn. */
    public void reveal(GraphNode n) {
        boolean changed = false;
        for (GraphNode o = n.group().owner(); o != null; o = o.group().owner()) {
            changed |= expanded.add(o.id());
        }
        if (changed) {
            fireStructure();
        }
    }

    /**
     * The drawn call of submodule {@code modulePath} (its first call in graph order), building only the insides of
     * the calls on the way (its ancestors, and If/Loop bodies and sections); empty when no drawn graph calls it.
     */
    public Optional<GraphNode> findModule(String modulePath) {
        Deque<GraphGroup> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            GraphGroup g = todo.poll();
            for (GraphNode n : g.nodes()) {
                Optional<String> path = n.modulePath();
                if (path.isPresent()) {
                    if (path.get().equals(modulePath)) return Optional.of(n);
                    if (isInside(modulePath, path.get()) && n.isContainer()) todo.add(n.content());
                } else if (n.isContainer() && n.kind() != NodeKind.MODULE) {
                    todo.add(n.content());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isInside(String path, String ancestor) {
        if (ancestor.isEmpty()) return !path.isEmpty();
        return path.startsWith(ancestor + ".");
    }

    /** Whether every container above {@code n} is open. */
    public boolean isVisible(GraphNode n) {
        for (GraphNode o = n.group().owner(); o != null; o = o.group().owner()) {
            if (!expanded.contains(o.id())) {
                return false;
            }
        }
        return true;
    }

    /** The node that stands for {@code n} on screen: itself, or its outermost closed container. */
    public GraphNode visibleFor(GraphNode n) {
        GraphNode shown = n;
        for (GraphNode o = n.group().owner(); o != null; o = o.group().owner()) {
            if (!expanded.contains(o.id())) {
                shown = o;
            }
        }
        return shown;
    }

    /** The groups drawn now: the top level and the inside of every open container under open containers. */
    public List<GraphGroup> visibleGroups() {
        List<GraphGroup> out = new ArrayList<>();
        Deque<GraphGroup> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            GraphGroup g = todo.poll();
            out.add(g);
            for (GraphNode n : g.nodes()) {
                if (isExpanded(n)) {
                    todo.add(n.content());
                }
            }
        }
        return out;
    }

    public int visibleNodeCount() {
        return visibleGroups().stream().mapToInt(g -> g.nodes().size()).sum();
    }

    /** Every node of the hierarchy, opening (building) every container's inside; submodules load once per class. */
    public List<GraphNode> allNodes() {
        List<GraphNode> out = new ArrayList<>();
        Deque<GraphGroup> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            GraphGroup g = todo.pop();
            out.addAll(g.nodes());
            List<GraphNode> nodes = g.nodes();
            for (int i = nodes.size() - 1; i >= 0; i--) {
                if (nodes.get(i).isContainer()) {
                    todo.push(nodes.get(i).content());
                }
            }
        }
        return out;
    }

    /** Nodes already built (open now or opened before): what the editor link can reach without loading anything. */
    private List<GraphNode> builtNodes() {
        List<GraphNode> out = new ArrayList<>();
        Deque<GraphGroup> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            GraphGroup g = todo.poll();
            out.addAll(g.nodes());
            for (GraphNode n : g.nodes()) {
                if (n.isContainer() && n.hasContent()) {
                    todo.add(n.content());
                }
            }
        }
        return out;
    }

    // ---- search

    /**
     * Searches the whole hierarchy with a regular expression (case-insensitive, found anywhere) over kind, title,
     * port names and types, attributes and schema.
     *
     * @throws IllegalArgumentException with the pattern error when the expression is not valid
     */
    public SearchResults search(String regex) {
        search = NodeSearch.find(regex, allNodes());
        return search;
    }

    public Optional<SearchResults> currentSearch() {
        return Optional.ofNullable(search);
    }

    /** Moves to the next hit, opens its containers and selects it. */
    public Optional<GraphNode> searchNext() {
        return search == null ? Optional.empty() : search.next().map(this::revealAndSelect);
    }

    public Optional<GraphNode> searchPrevious() {
        return search == null ? Optional.empty() : search.previous().map(this::revealAndSelect);
    }

    private GraphNode revealAndSelect(GraphNode n) {
        reveal(n);
        select(n);
        return n;
    }

    // ---- tracing

    /** Nodes whose values flow into {@code n}, following edges out of groups through their container's inputs. */
    public Set<GraphNode> ancestors(GraphNode n) {
        return Dataflow.upstream(n);
    }

    /** Nodes that read values {@code n} produces, following edges out of groups through their container's outputs. */
    public Set<GraphNode> descendants(GraphNode n) {
        return Dataflow.downstream(n);
    }

    /** Highlights the ancestors and descendants of the selected node (empty set clears). */
    public void traceSelected() {
        if (selected == null) {
            traced = Set.of();
        } else {
            Set<GraphNode> s = new LinkedHashSet<>(ancestors(selected));
            s.addAll(descendants(selected));
            traced = s;
        }
        fireSelection();
    }

    public Set<GraphNode> traced() {
        return traced;
    }

    // ---- selection and the editor link

    public Optional<GraphNode> selected() {
        return Optional.ofNullable(selected);
    }

    public void select(GraphNode n) {
        if (n != selected) {
            selected = n;
            traced = Set.of();
            fireSelection();
        }
    }

    public Optional<IrSourceRange> sourceRange(GraphNode n) {
        return n.sourceRange();
    }

    /** Built nodes whose source range covers {@code line} (1-based) in any file. */
    public List<GraphNode> nodesAtLine(int line) {
        return nodesAtLine(null, line);
    }

    /**
     * Built nodes whose source range covers {@code line} (1-based) of {@code file} (as LibTorch names it, e.g.
     * {@code code/__torch__/torch/nn/modules/linear.py}); a null file matches every file.
     */
    public List<GraphNode> nodesAtLine(String file, int line) {
        List<GraphNode> out = new ArrayList<>();
        for (GraphNode n : builtNodes()) {
            Optional<IrSourceRange> r = n.sourceRange();
            if (r.isPresent() && r.get().startLine() <= line && line <= r.get().endLine()
                    && (file == null || file.equals(r.get().file()))) {
                out.add(n);
            }
        }
        return out;
    }

    /** The file most of the top-level graph's nodes come from: the source the editor shows for this graph. */
    public Optional<String> mainSourceFile() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        graph.nodes().forEach(n -> n.sourceRange().ifPresent(r -> counts.merge(String.valueOf(r.file()), 1, Integer::sum)));
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey);
    }

    /** Highlights what line {@code line} of the graph's own source ({@link #mainSourceFile()}) produced. */
    public Set<GraphNode> highlightSourceLine(int line) {
        return highlightSourceLine(mainSourceFile().orElse(null), line);
    }

    /** Highlights what the editor line produced; nodes inside closed containers light up their container. */
    public Set<GraphNode> highlightSourceLine(String file, int line) {
        Set<GraphNode> shown = new LinkedHashSet<>();
        for (GraphNode n : nodesAtLine(file, line)) {
            shown.add(visibleFor(n));
        }
        sourceHits = shown;
        fireSelection();
        return shown;
    }

    public Set<GraphNode> sourceHits() {
        return sourceHits;
    }

    // ---- hiding (a paint-time filter: the layout keeps its place, so nothing else moves)

    /** Hides a node and its edges from the picture (and from picking) until {@link #showHidden()}. */
    public void hide(GraphNode n) {
        if (n == selected) select(null);
        if (hiddenNodes.add(n)) fireSelection();
    }

    public void hide(GraphEdge e) {
        if (hiddenEdges.add(e)) fireSelection();
    }

    public boolean isHidden(GraphNode n) {
        return hiddenNodes.contains(n);
    }

    public boolean isHidden(GraphEdge e) {
        return hiddenEdges.contains(e) || hiddenNodes.contains(e.from()) || hiddenNodes.contains(e.to());
    }

    /** How many nodes and edges are hidden. */
    public int hiddenCount() {
        return hiddenNodes.size() + hiddenEdges.size();
    }

    public void showHidden() {
        if (hiddenCount() == 0) return;
        hiddenNodes.clear();
        hiddenEdges.clear();
        fireSelection();
    }

    // ---- listeners

    public void addStructureListener(Runnable r) {
        structureListeners.add(r);
    }

    public void addSelectionListener(Consumer<GraphNode> l) {
        selectionListeners.add(l);
    }

    private void fireStructure() {
        version++;
        structureListeners.forEach(Runnable::run);
    }

    private void fireSelection() {
        selectionListeners.forEach(l -> l.accept(selected));
    }
}
