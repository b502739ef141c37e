package io.tsstudio.engine.ir;

import java.util.List;

/**
 * The IR as Graphviz DOT: one box per node (kind, plus the submodule path of calls), an ellipse per graph input and
 * output, an edge per use labelled with the value's type; nested blocks become clusters inside their owner's cluster.
 */
public final class IrDot {
    private IrDot() {
    }

    public static String write(IrGraph graph) {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph ").append(quote(graph.owner() + "." + graph.method())).append(" {\n");
        sb.append("  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (IrValue in : graph.inputs()) {
            sb.append("  ").append(quote(in.id())).append(" [shape=ellipse, label=")
                    .append(quote(label(in) + "\n" + in.type())).append("];\n");
        }
        nodes(sb, graph, graph.nodes(), "  ");
        sb.append("  \"return\" [shape=ellipse, label=\"return\"];\n");
        // edges: from the producer (or the input ellipse) of each value to each node that reads it
        for (IrNode n : IrGraphs.allNodes(graph)) {
            for (String in : n.inputs()) edge(sb, graph, in, n.id());
        }
        for (IrValue out : graph.outputs()) edge(sb, graph, out.id(), "return");
        sb.append("}\n");
        return sb.toString();
    }

    private static void nodes(StringBuilder sb, IrGraph graph, List<IrNode> nodes, String indent) {
        for (IrNode n : nodes) {
            if (n.blocks().isEmpty()) {
                sb.append(indent).append(quote(n.id())).append(" [label=").append(quote(nodeLabel(n))).append("];\n");
                continue;
            }
            sb.append(indent).append("subgraph ").append(quote("cluster_" + n.id())).append(" {\n");
            sb.append(indent).append("  label=").append(quote(n.kind())).append(";\n");
            sb.append(indent).append("  ").append(quote(n.id())).append(" [label=").append(quote(nodeLabel(n))).append("];\n");
            for (int i = 0; i < n.blocks().size(); i++) {
                IrBlock b = n.blocks().get(i);
                sb.append(indent).append("  subgraph ").append(quote("cluster_" + n.id() + "_b" + i)).append(" {\n");
                sb.append(indent).append("    label=").append(quote("block" + i)).append(";\n");
                for (String in : b.inputs()) {
                    IrValue v = graph.value(in);
                    sb.append(indent).append("    ").append(quote(in)).append(" [shape=ellipse, label=")
                            .append(quote(label(v) + "\n" + v.type())).append("];\n");
                }
                nodes(sb, graph, b.nodes(), indent + "    ");
                sb.append(indent).append("  }\n");
            }
            sb.append(indent).append("}\n");
        }
    }

    private static void edge(StringBuilder sb, IrGraph graph, String valueId, String target) {
        IrValue v = graph.value(valueId);
        String from = v == null ? valueId : v.producer().orElse(valueId);
        String type = v == null ? "" : v.type();
        sb.append("  ").append(quote(from)).append(" -> ").append(quote(target)).append(" [label=").append(quote(type)).append("];\n");
    }

    private static String nodeLabel(IrNode n) {
        StringBuilder l = new StringBuilder(n.kind());
        n.call().ifPresent(c -> l.append("\n").append(c.submodulePath().isEmpty() ? "self" : c.submodulePath()).append('.').append(c.method()));
        if (n.call().isEmpty()) {
            Object name = n.attributes().get("name");
            if (name != null) l.append("\n").append(name);
            Object value = n.attributes().get("value");
            if (value != null) l.append("\n").append(shorten(String.valueOf(value)));
        }
        return l.toString();
    }

    private static String label(IrValue v) {
        return v.debugName().isEmpty() ? v.id() : "%" + v.debugName();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** A DOT double-quoted string: backslashes and quotes escaped, newlines as {@code \n}. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': break;
                default: sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
