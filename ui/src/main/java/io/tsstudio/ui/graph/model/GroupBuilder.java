package io.tsstudio.ui.graph.model;

import io.tsstudio.engine.ir.IrBlock;
import io.tsstudio.engine.ir.IrCall;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.ir.IrValue;
import io.tsstudio.engine.types.ParsedSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns IR graphs into drawn groups: folds constants and attribute reads into their users, makes each submodule
 * call a collapsed container whose inside is loaded on demand, makes If/Loop blocks containers, adds graph inputs
 * and outputs as nodes, splits big groups into sections, and (flat option) inlines every call into one graph.
 */
public final class GroupBuilder {
    private final SubgraphLoader loader;
    private final GraphOptions options;
    private final Map<String, IrGraph> graphCache = new ConcurrentHashMap<>();
    /** Folded value texts by scoped value id, shared by all scopes so nested blocks and inlined callees see them. */
    private final Map<String, String> folded = new ConcurrentHashMap<>();

    public GroupBuilder(SubgraphLoader loader, GraphOptions options) {
        this.loader = loader;
        this.options = options;
    }

    public GraphOptions options() {
        return options;
    }

    /** The top-level group of {@code graph} (the root module's method, or a function). */
    public GraphGroup root(IrGraph graph) {
        return graphGroup(graph, "");
    }

    /**
     * Loads a submodule's method graph once per class: instances of one TorchScript class share their methods'
     * graphs, so a stack of 1,000 identical blocks costs one extraction.
     */
    IrGraph load(String modulePath, IrCall call) {
        String key = (call.className().isEmpty() ? "path:" + modulePath : "class:" + call.className()) + "#" + call.method();
        return graphCache.computeIfAbsent(key, k -> {
            IrGraph g = loader.load(modulePath, call.method());
            if (g == null) {
                throw new IllegalStateException("loader returned no graph for '" + modulePath + "' " + call.method());
            }
            return g;
        });
    }

    private GraphGroup graphGroup(IrGraph graph, String modulePath) {
        String path = modulePath + "#" + graph.method();
        Scope scope = new Scope(graph, path, modulePath, "", "self", Map.of());
        List<GraphNode> inputs = new ArrayList<>();
        for (int i = 0; i < graph.inputs().size(); i++) {
            IrValue v = graph.inputs().get(i);
            if (i == 0 && TypeText.isModuleType(v.type())) {
                scope.moduleRefs.put(v.id(), "self");
                continue;
            }
            inputs.add(ioNode(path + "/in:" + v.id(), NodeKind.INPUT, "input " + name(v), List.of(),
                    List.of(new Port(name(v), name(v), v.id(), v.type(), null))));
        }
        List<GraphNode> members = new ArrayList<>();
        convert(graph.nodes(), scope, members);
        List<GraphNode> outputs = outputNodes(path, graph.outputs(), scope, "output");
        return assemble(path, inputs, members, outputs, false, scope);
    }

    private List<GraphNode> outputNodes(String path, List<IrValue> values, Scope scope, String word) {
        List<GraphNode> outputs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            IrValue v = values.get(i);
            String id = scope.canon(v.id());
            String label = values.size() == 1 ? word : word + " " + i;
            outputs.add(ioNode(path + "/out:" + i, NodeKind.OUTPUT, label,
                    List.of(new Port(name(v), name(v), id, v.type(), folded.get(scope.foldKey(v.id())))), List.of()));
        }
        return outputs;
    }

    private static GraphNode ioNode(String id, NodeKind kind, String title, List<Port> in, List<Port> out) {
        return new GraphNode(id, kind, title, kind.name().toLowerCase(), in, out, Map.of(), null, null, null);
    }

    /** Converts IR nodes in order, appending drawn nodes to {@code out} (inlined callees append theirs in place). */
    private void convert(List<IrNode> nodes, Scope scope, List<GraphNode> out) {
        for (IrNode n : nodes) {
            if (fold(n, scope)) {
                continue;
            }
            if (n.kind().equals("prim::CallMethod") && n.call().isPresent()) {
                IrCall call = n.call().get();
                String fullPath = join(scope.modulePath, call.submodulePath());
                if (options.flat() && n.blocks().isEmpty()) {
                    inline(n, call, fullPath, scope, out);
                } else {
                    out.add(moduleNode(n, call, fullPath, scope));
                }
            } else if (!n.blocks().isEmpty()) {
                out.add(controlNode(n, scope));
            } else if (n.kind().equals("prim::Constant")) {
                out.add(opNode(n, scope, NodeKind.CONSTANT, constantText(n), null));
            } else {
                String title = n.call().map(c -> TypeText.shortClass(c.className()) + "()").orElse(n.shortKind());
                out.add(opNode(n, scope, NodeKind.OPERATOR, title, null));
            }
        }
    }

    /** Records a foldable node's text for its users; true when the node is not drawn. */
    private boolean fold(IrNode n, Scope scope) {
        switch (n.kind()) {
            case "prim::Constant" -> {
                if (options.foldConstants() && n.outputs().size() == 1) {
                    folded.put(scope.foldKey(n.outputs().get(0)), constantText(n));
                    return true;
                }
                return false;
            }
            case "prim::GetAttr" -> {
                if (n.inputs().size() != 1 || n.outputs().size() != 1) {
                    return false;
                }
                String owner = scope.moduleRefs.get(n.inputs().get(0));
                if (owner == null) {
                    return false;
                }
                String text = owner + "." + n.attributes().getOrDefault("name", "?");
                IrValue out = scope.graph.value(n.outputs().get(0));
                if (out != null && TypeText.isModuleType(out.type())) {
                    scope.moduleRefs.put(n.outputs().get(0), text);
                    return true;
                }
                if (options.foldConstants()) {
                    folded.put(scope.foldKey(n.outputs().get(0)), text);
                    return true;
                }
                return false;
            }
            case "prim::ListConstruct", "prim::TupleConstruct" -> {
                if (!options.foldConstants() || n.outputs().size() != 1) {
                    return false;
                }
                List<String> parts = new ArrayList<>();
                for (String in : n.inputs()) {
                    String t = folded.get(scope.foldKey(in));
                    if (t == null) {
                        return false;
                    }
                    parts.add(t);
                }
                boolean list = n.kind().equals("prim::ListConstruct");
                folded.put(scope.foldKey(n.outputs().get(0)),
                        (list ? "[" : "(") + String.join(", ", parts) + (list ? "]" : ")"));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void inline(IrNode n, IrCall call, String fullPath, Scope scope, List<GraphNode> out) {
        IrGraph callee = load(fullPath, call);
        Map<String, String> alias = new HashMap<>();
        for (int j = 1; j < callee.inputs().size() && j < n.inputs().size(); j++) {
            alias.put(callee.inputs().get(j).id(), scope.canon(n.inputs().get(j)));
        }
        String prefix = fullPath + "#" + callee.method() + ":";
        String selfText = fullPath.isEmpty() ? "self" : "self." + fullPath;
        Scope inner = new Scope(callee, scope.path, fullPath, prefix, selfText, alias);
        if (!callee.inputs().isEmpty()) {
            inner.moduleRefs.put(callee.inputs().get(0).id(), selfText);
        }
        convert(callee.nodes(), inner, out);
        for (int k = 0; k < n.outputs().size() && k < callee.outputs().size(); k++) {
            scope.alias.put(n.outputs().get(k), inner.canon(callee.outputs().get(k).id()));
        }
    }

    private GraphNode moduleNode(IrNode n, IrCall call, String fullPath, Scope scope) {
        String attr = call.submodulePath().isEmpty() ? "self" : call.submodulePath();
        String title = attr + (call.method().equals("forward") ? "" : "." + call.method())
                + ": " + TypeText.shortClass(call.className());
        Supplier<GraphGroup> content = () -> graphGroup(load(fullPath, call), fullPath);
        return new GraphNode(scope.nodeId(n), NodeKind.MODULE, title, "module", inputPorts(n, scope, 1),
                outputPorts(n, scope), attributes(n), n, n.schema().orElse(null), content);
    }

    private GraphNode controlNode(IrNode n, Scope scope) {
        String id = scope.nodeId(n);
        Supplier<GraphGroup> content;
        if (n.blocks().size() == 1) {
            content = () -> blockGroup(n.blocks().get(0), id + "/b0", scope);
        } else {
            content = () -> {
                List<GraphNode> branches = new ArrayList<>();
                for (int i = 0; i < n.blocks().size(); i++) {
                    IrBlock b = n.blocks().get(i);
                    String bpath = id + "/b" + i;
                    String label = n.blocks().size() == 2 ? (i == 0 ? "then" : "else") : "block " + i;
                    branches.add(new GraphNode(bpath, NodeKind.BRANCH, label, "branch", List.of(), List.of(),
                            Map.of(), null, null, () -> blockGroup(b, bpath, scope)));
                }
                return new GraphGroup(id + "/blocks", branches, List.of());
            };
        }
        List<Port> inputs = new ArrayList<>(inputPorts(n, scope, 0));
        Set<String> explicit = new HashSet<>(n.inputs());
        for (String v : capturedValues(n)) {
            IrValue value = scope.graph.value(v);
            String key = scope.foldKey(v);
            if (!explicit.contains(v) && value != null && !folded.containsKey(key) && !scope.moduleRefs.containsKey(v)) {
                inputs.add(new Port("captured " + name(value), name(value), scope.canon(v), value.type(), null));
            }
        }
        return new GraphNode(id, NodeKind.CONTROL, n.shortKind(), n.namespace(), inputs,
                outputPorts(n, scope), attributes(n), n, n.schema().orElse(null), content);
    }

    /** Values the blocks read from outside: drawn as extra inputs so the If/Loop shows what it depends on. */
    private static Set<String> capturedValues(IrNode n) {
        Set<String> defined = new HashSet<>();
        Set<String> used = new LinkedHashSet<>();
        collect(n.blocks(), defined, used);
        used.removeAll(defined);
        return used;
    }

    private static void collect(List<IrBlock> blocks, Set<String> defined, Set<String> used) {
        for (IrBlock b : blocks) {
            defined.addAll(b.inputs());
            for (IrNode inner : b.nodes()) {
                used.addAll(inner.inputs());
                defined.addAll(inner.outputs());
                collect(inner.blocks(), defined, used);
            }
            used.addAll(b.outputs());
        }
    }

    private GraphGroup blockGroup(IrBlock block, String path, Scope scope) {
        List<GraphNode> inputs = new ArrayList<>();
        for (String in : block.inputs()) {
            IrValue v = scope.graph.value(in);
            String nm = v == null ? in : name(v);
            inputs.add(ioNode(path + "/in:" + in, NodeKind.INPUT, "param " + nm, List.of(),
                    List.of(new Port(nm, nm, scope.canon(in), v == null ? "" : v.type(), null))));
        }
        List<GraphNode> members = new ArrayList<>();
        convert(block.nodes(), scope, members);
        List<IrValue> returns = new ArrayList<>();
        for (String o : block.outputs()) {
            IrValue v = scope.graph.value(o);
            returns.add(v != null ? v : new IrValue(o, o, "", java.util.Optional.empty(), List.of()));
        }
        return assemble(path, inputs, members, outputNodes(path, returns, scope, "return"), true, scope);
    }

    private GraphNode opNode(IrNode n, Scope scope, NodeKind kind, String title, Supplier<GraphGroup> content) {
        return new GraphNode(scope.nodeId(n), kind, title, n.namespace(), inputPorts(n, scope, 0), outputPorts(n, scope),
                attributes(n), n, n.schema().orElse(null), content);
    }

    private List<Port> inputPorts(IrNode n, Scope scope, int skip) {
        List<String> names = n.schema().map(ParsedSchema::argumentNames).orElse(List.of());
        List<Port> ports = new ArrayList<>();
        for (int i = skip; i < n.inputs().size(); i++) {
            String raw = n.inputs().get(i);
            IrValue v = scope.graph.value(raw);
            String id = scope.canon(raw);
            String nm = i < names.size() ? names.get(i) : null;
            if (nm == null) {
                nm = v == null || v.debugName().isEmpty() ? "in" + i : v.debugName();
            }
            ports.add(new Port(nm, v == null ? raw : name(v), id, v == null ? "" : v.type(), folded.get(scope.foldKey(raw))));
        }
        return ports;
    }

    private List<Port> outputPorts(IrNode n, Scope scope) {
        List<String> names = n.schema().map(ParsedSchema::returnNames).orElse(List.of());
        List<Port> ports = new ArrayList<>();
        for (int i = 0; i < n.outputs().size(); i++) {
            String raw = n.outputs().get(i);
            IrValue v = scope.graph.value(raw);
            String nm = v == null || v.debugName().isEmpty() ? (i < names.size() ? names.get(i) : null) : v.debugName();
            ports.add(new Port(nm == null ? "out" + i : nm, v == null ? raw : name(v), scope.canon(raw), v == null ? "" : v.type(), null));
        }
        return ports;
    }

    private static Map<String, String> attributes(IrNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.attributes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
        return out;
    }

    static String constantText(IrNode n) {
        Object v = n.attributes().get("value");
        if (v == null) {
            return "None";
        }
        if (v instanceof String s && !n.outputs().isEmpty()) {
            return s;
        }
        return String.valueOf(v);
    }

    private static String name(IrValue v) {
        return v.debugName().isEmpty() ? v.id() : v.debugName();
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "." + b;
    }

    /**
     * Puts nodes into one group with edges between them, and splits it into sections when it has more than
     * {@link GraphOptions#sectionSize()} members. With {@code proxies}, values produced outside the group (a block's
     * captured values, a section's inputs) enter through one input node each.
     */
    private GraphGroup assemble(String path, List<GraphNode> inputs, List<GraphNode> members, List<GraphNode> outputs,
                                boolean proxies, Scope scope) {
        if (members.size() > options.sectionSize()) {
            members = sections(path, members, outputs, scope);
        }
        Map<String, GraphNode> producer = new HashMap<>();
        Map<String, Integer> producerPort = new HashMap<>();
        for (List<GraphNode> list : List.of(inputs, members)) {
            for (GraphNode node : list) {
                for (int p = 0; p < node.outputs().size(); p++) {
                    producer.put(node.outputs().get(p).valueId(), node);
                    producerPort.put(node.outputs().get(p).valueId(), p);
                }
            }
        }
        Map<String, GraphNode> proxyNodes = new LinkedHashMap<>();
        List<GraphEdge> edges = new ArrayList<>();
        for (List<GraphNode> list : List.of(members, outputs)) {
            for (GraphNode node : list) {
                for (int p = 0; p < node.inputs().size(); p++) {
                    Port port = node.inputs().get(p);
                    if (port.isFolded()) {
                        continue;
                    }
                    GraphNode from = producer.get(port.valueId());
                    int fromPort = producerPort.getOrDefault(port.valueId(), 0);
                    if (from == null && proxies) {
                        from = proxyNodes.computeIfAbsent(port.valueId(), id -> ioNode(path + "/outer:" + id,
                                NodeKind.INPUT, "from " + port.valueName(), List.of(),
                                List.of(new Port(port.valueName(), port.valueName(), id, port.type(), null))));
                        fromPort = 0;
                    }
                    if (from != null) {
                        edges.add(new GraphEdge(from, fromPort, node, p, port.valueId(), port.type()));
                    }
                }
            }
        }
        List<GraphNode> all = new ArrayList<>(inputs.size() + proxyNodes.size() + members.size() + outputs.size());
        all.addAll(inputs);
        all.addAll(proxyNodes.values());
        all.addAll(members);
        all.addAll(outputs);
        return new GraphGroup(path, all, edges);
    }

    /** Splits members (already in execution order) into equal consecutive sections, each a container. */
    private List<GraphNode> sections(String path, List<GraphNode> members, List<GraphNode> outputs, Scope scope) {
        int count = (members.size() + options.sectionSize() - 1) / options.sectionSize();
        int size = (members.size() + count - 1) / count;
        Map<String, Integer> sectionOf = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            for (Port p : members.get(i).outputs()) {
                sectionOf.put(p.valueId(), i / size);
            }
        }
        List<Set<String>> usedOutside = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            usedOutside.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < members.size(); i++) {
            for (Port p : members.get(i).inputs()) {
                Integer s = sectionOf.get(p.valueId());
                if (!p.isFolded() && s != null && s != i / size) {
                    usedOutside.get(s).add(p.valueId());
                }
            }
        }
        for (GraphNode o : outputs) {
            for (Port p : o.inputs()) {
                Integer s = sectionOf.get(p.valueId());
                if (s != null) {
                    usedOutside.get(s).add(p.valueId());
                }
            }
        }
        List<GraphNode> sectionNodes = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<GraphNode> chunk = members.subList(s * size, Math.min(members.size(), (s + 1) * size));
            Set<String> produced = new LinkedHashSet<>();
            Map<String, Port> external = new LinkedHashMap<>();
            Map<String, Port> producedPorts = new HashMap<>();
            for (GraphNode n : chunk) {
                for (Port p : n.inputs()) {
                    if (!p.isFolded() && !produced.contains(p.valueId())) {
                        external.putIfAbsent(p.valueId(), new Port(p.valueName(), p.valueName(), p.valueId(), p.type(), null));
                    }
                }
                for (Port p : n.outputs()) {
                    produced.add(p.valueId());
                    producedPorts.put(p.valueId(), p);
                }
            }
            List<Port> outs = new ArrayList<>();
            for (String v : usedOutside.get(s)) {
                outs.add(producedPorts.get(v));
            }
            String spath = path + "/s" + s;
            List<GraphNode> inProxies = new ArrayList<>();
            for (Port p : external.values()) {
                inProxies.add(ioNode(spath + "/in:" + p.valueId(), NodeKind.INPUT, "from " + p.valueName(), List.of(), List.of(p)));
            }
            List<GraphNode> outProxies = new ArrayList<>();
            for (Port p : outs) {
                outProxies.add(ioNode(spath + "/out:" + p.valueId(), NodeKind.OUTPUT, "to " + p.valueName(), List.of(p), List.of()));
            }
            GraphGroup inside = assemble(spath, inProxies, new ArrayList<>(chunk), outProxies, true, scope);
            String title = "section " + (s + 1) + " of " + count + " (" + chunk.size() + " nodes)";
            sectionNodes.add(new GraphNode(path + "/section" + s, NodeKind.SECTION, title, "section",
                    new ArrayList<>(external.values()), outs, Map.of(), null, null, () -> inside));
        }
        return sectionNodes;
    }

    static GraphGroup errorGroup(GraphNode owner, RuntimeException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        GraphNode err = new GraphNode(owner.id() + "/error", NodeKind.ERROR, "cannot open: " + firstLine(msg), "error",
                List.of(), List.of(), Map.of("error", msg), null, null, null);
        return new GraphGroup(owner.id() + "/error-group", List.of(err), List.of());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }

    /** One graph's naming scope: scoped value ids (flat inlining prefixes them), module references, aliases. */
    private static final class Scope {
        final IrGraph graph;
        final String path;
        final String modulePath;
        final String prefix;
        final Map<String, String> moduleRefs = new HashMap<>();
        final Map<String, String> alias;

        Scope(IrGraph graph, String path, String modulePath, String prefix, String selfText, Map<String, String> alias) {
            this.graph = graph;
            this.path = path;
            this.modulePath = modulePath;
            this.prefix = prefix;
            this.alias = new HashMap<>(alias);
        }

        String canon(String valueId) {
            String a = alias.get(valueId);
            return a != null ? a : prefix + valueId;
        }

        /** Key of a value in the shared folded-text map: unique across graphs and inlined callees. */
        String foldKey(String valueId) {
            return path + "|" + canon(valueId);
        }

        String nodeId(IrNode n) {
            return path + "/" + prefix + n.id();
        }
    }
}
