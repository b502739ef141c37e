package io.tsstudio.ui.graph.model;

import io.tsstudio.engine.ir.IrSourceRange;

import java.util.Map;

/** The text of the details panel for a selected node: kind, schema, attributes, typed inputs/outputs, source range. */
public final class NodeDetails {
    private NodeDetails() {
    }

    public static String describe(GraphNode n, ShapeLookup shapes) {
        StringBuilder sb = new StringBuilder();
        sb.append(n.title()).append('\n');
        sb.append("kind: ").append(n.ir().map(i -> i.kind()).orElse(n.kind().name().toLowerCase())).append('\n');
        n.ir().flatMap(i -> i.call()).ifPresent(c -> sb.append("calls: ")
                .append(c.submodulePath().isEmpty() ? "self" : c.submodulePath()).append('.').append(c.method())
                .append(" of ").append(c.className()).append('\n'));
        n.schema().ifPresent(s -> sb.append("schema: ").append(s).append('\n'));
        if (!n.attributes().isEmpty()) {
            sb.append("attributes:\n");
            for (Map.Entry<String, String> e : n.attributes().entrySet()) {
                sb.append("  ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
            }
        }
        String groupPath = n.group() == null ? "" : n.group().path();
        if (!n.inputs().isEmpty()) {
            sb.append("inputs:\n");
            for (Port p : n.inputs()) {
                port(sb, p, shapes, groupPath);
            }
        }
        if (!n.outputs().isEmpty()) {
            sb.append("outputs:\n");
            for (Port p : n.outputs()) {
                port(sb, p, shapes, groupPath);
            }
        }
        n.sourceRange().ifPresent(r -> sb.append("source: ").append(range(r)).append('\n'));
        if (n.group() != null) {
            sb.append("in: ").append(n.group().path()).append('\n');
        }
        return sb.toString();
    }

    public static String range(IrSourceRange r) {
        return (r.file() == null || r.file().isEmpty() ? "" : r.file() + ":") + r.startLine() + ":" + r.startColumn()
                + "-" + r.endLine() + ":" + r.endColumn();
    }

    private static void port(StringBuilder sb, Port p, ShapeLookup shapes, String groupPath) {
        sb.append("  ").append(p.name()).append(": ").append(p.type());
        shapes.shape(groupPath, p.valueId()).ifPresent(s -> sb.append("  observed ").append(s));
        if (p.isFolded()) {
            sb.append(" = ").append(p.folded());
        }
        sb.append('\n');
    }
}
