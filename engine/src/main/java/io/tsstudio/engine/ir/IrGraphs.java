package io.tsstudio.engine.ir;

import io.tsstudio.engine.types.ParsedSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Display variants of {@link IrGraph}s and lookups in them. The graphs come from the engine's API
 * ({@code ScriptModule.graph(method)}, {@code ScriptFunction.graph()}): this package holds plain records and depends
 * on no engine code, so the reader in {@code internal.torch} can build them without a package cycle.
 */
public final class IrGraphs {
    private IrGraphs() {
    }

    /**
     * The same graph with every {@code prim::Constant} folded into the nodes that read it: the constant node and its
     * value disappear, the reading node loses that input and gains an attribute named after the schema argument
     * ({@code alpha=1}), or {@code argN} (the input's position) where no schema names it. Constants that a graph or
     * block returns stay, since nothing could show them otherwise.
     */
    public static IrGraph constantsFolded(IrGraph graph) {
        Map<String, Object> constants = new HashMap<>();
        Set<String> returned = new HashSet<>();
        graph.outputs().forEach(v -> returned.add(v.id()));
        collect(graph, graph.nodes(), constants, returned);
        constants.keySet().removeAll(returned);
        if (constants.isEmpty()) return graph;

        Set<String> foldedNodes = new HashSet<>();
        for (String valueId : constants.keySet()) graph.value(valueId).producer().ifPresent(foldedNodes::add);

        List<IrNode> nodes = fold(graph.nodes(), constants, foldedNodes);
        Map<String, IrValue> values = new LinkedHashMap<>();
        for (IrValue v : graph.values().values()) {
            if (constants.containsKey(v.id())) continue;
            values.put(v.id(), v);
        }
        return new IrGraph(graph.owner(), graph.method(), graph.schema(), graph.inputs(), nodes, graph.outputs(), values);
    }

    private static void collect(IrGraph graph, List<IrNode> nodes, Map<String, Object> constants, Set<String> returned) {
        for (IrNode n : nodes) {
            if (n.kind().equals("prim::Constant") && n.outputs().size() == 1) {
                constants.put(n.outputs().get(0), displayValue(n, graph.value(n.outputs().get(0))));
            }
            for (IrBlock b : n.blocks()) {
                returned.addAll(b.outputs());
                collect(graph, b.nodes(), constants, returned);
            }
        }
    }

    /** What a folded constant shows: its value, the function's name (a CallFunction's callee), {@code None}, or its type. */
    private static Object displayValue(IrNode constant, IrValue output) {
        Object v = constant.attributes().get("value");
        if (v != null) return v;
        Object function = constant.attributes().get("name");
        if (function != null) return function;
        return output.type().equals("NoneType") ? "None" : output.type();
    }

    private static List<IrNode> fold(List<IrNode> nodes, Map<String, Object> constants, Set<String> foldedNodes) {
        List<IrNode> out = new ArrayList<>();
        for (IrNode n : nodes) {
            if (foldedNodes.contains(n.id())) continue;
            List<IrBlock> blocks = new ArrayList<>();
            for (IrBlock b : n.blocks()) blocks.add(new IrBlock(b.inputs(), fold(b.nodes(), constants, foldedNodes), b.outputs()));
            boolean readsConstant = n.inputs().stream().anyMatch(constants::containsKey);
            if (!readsConstant && blocks.equals(n.blocks())) {
                out.add(n);
                continue;
            }
            List<String> argNames = n.schema().map(ParsedSchema::argumentNames).orElse(List.of());
            List<String> inputs = new ArrayList<>();
            Map<String, Object> attributes = new LinkedHashMap<>(n.attributes());
            for (int i = 0; i < n.inputs().size(); i++) {
                String in = n.inputs().get(i);
                if (!constants.containsKey(in)) {
                    inputs.add(in);
                    continue;
                }
                String key = i < argNames.size() ? argNames.get(i) : "arg" + i;
                if (attributes.containsKey(key)) key = "arg" + i;
                attributes.put(key, constants.get(in));
            }
            out.add(new IrNode(n.id(), n.kind(), inputs, n.outputs(), attributes, blocks, n.sourceRange(), n.scope(), n.schema(), n.call()));
        }
        return out;
    }

    /** Every node of the graph, nested blocks included, in pre-order. */
    public static List<IrNode> allNodes(IrGraph graph) {
        List<IrNode> out = new ArrayList<>();
        addAll(graph.nodes(), out);
        return out;
    }

    private static void addAll(List<IrNode> nodes, List<IrNode> out) {
        for (IrNode n : nodes) {
            out.add(n);
            for (IrBlock b : n.blocks()) addAll(b.nodes(), out);
        }
    }

    /** The node with that id, nested blocks included. */
    public static Optional<IrNode> node(IrGraph graph, String id) {
        return allNodes(graph).stream().filter(n -> n.id().equals(id)).findFirst();
    }
}
