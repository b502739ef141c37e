package io.tsstudio.ui.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link ModelSummary} into the rows of the inspector tree (pure; the view wraps them in tree items):
 * each module lists its submodules, then groups for parameters, buffers, attributes and methods.
 */
public final class InspectorTree {
    /** A row and its children. */
    public record Node(InspectorRow row, List<Node> children) {
        public List<Node> find(InspectorRow.Kind kind) {
            List<Node> out = new ArrayList<>();
            if (row.kind() == kind) out.add(this);
            children.forEach(c -> out.addAll(c.find(kind)));
            return out;
        }
    }

    private InspectorTree() {
    }

    public static Node build(ModelSummary summary) {
        if (summary.isStateDict()) {
            List<Node> tensors = new ArrayList<>();
            summary.stateTensors().forEach(t -> tensors.add(leaf(InspectorRow.tensor(t, true))));
            InspectorRow top = new InspectorRow(InspectorRow.Kind.GROUP, summary.fileName(), "state dict (torch.save)", "", "", "",
                    String.format("%,d", summary.parameterCount()), io.tsstudio.ui.status.MemoryReport.bytes(summary.parameterBytes()), null, null);
            return new Node(top, tensors);
        }
        return module(summary.root());
    }

    private static Node module(ModuleEntry m) {
        List<Node> children = new ArrayList<>();
        m.children().forEach(c -> children.add(module(c)));
        if (!m.parameters().isEmpty()) {
            List<Node> p = new ArrayList<>();
            m.parameters().forEach(t -> p.add(leaf(InspectorRow.tensor(t, false))));
            children.add(new Node(InspectorRow.group("parameters", p.size()), p));
        }
        if (!m.buffers().isEmpty()) {
            List<Node> b = new ArrayList<>();
            m.buffers().forEach(t -> b.add(leaf(InspectorRow.tensor(t, false))));
            children.add(new Node(InspectorRow.group("buffers", b.size()), b));
        }
        if (!m.attributes().isEmpty()) {
            List<Node> a = new ArrayList<>();
            m.attributes().forEach(x -> a.add(leaf(InspectorRow.attribute(x))));
            children.add(new Node(InspectorRow.group("attributes", a.size()), a));
        }
        if (!m.methods().isEmpty()) {
            List<Node> me = new ArrayList<>();
            m.methods().forEach(x -> me.add(leaf(InspectorRow.method(x))));
            children.add(new Node(InspectorRow.group("methods", me.size()), me));
        }
        return new Node(InspectorRow.module(m), children);
    }

    private static Node leaf(InspectorRow row) {
        return new Node(row, List.of());
    }
}
