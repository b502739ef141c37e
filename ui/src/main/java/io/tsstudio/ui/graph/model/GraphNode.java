package io.tsstudio.ui.graph.model;

import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.ir.IrSourceRange;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One drawn node: an operator, a graph input or output, or a container (submodule call, If/Loop, branch, section)
 * whose inside is another {@link GraphGroup}, built on first use.
 */
public final class GraphNode {
    private final String id;
    private final NodeKind kind;
    private final String title;
    private final String category;
    private final List<Port> inputs;
    private final List<Port> outputs;
    private final Map<String, String> attributes;
    private final IrNode ir;
    private final String schema;
    private final Supplier<GraphGroup> contentFactory;
    private GraphGroup content;
    private RuntimeException contentError;
    GraphGroup group;
    int index = -1;

    GraphNode(String id, NodeKind kind, String title, String category, List<Port> inputs, List<Port> outputs,
              Map<String, String> attributes, IrNode ir, String schema, Supplier<GraphGroup> contentFactory) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.category = category;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.attributes = attributes;
        this.ir = ir;
        this.schema = schema;
        this.contentFactory = contentFactory;
    }

    /** Unique in the whole view: the group path plus the IR node id. */
    public String id() {
        return id;
    }

    public NodeKind kind() {
        return kind;
    }

    /** The label drawn on the node: {@code linear}, {@code fc: Linear}, {@code input x}. */
    public String title() {
        return title;
    }

    /** Colour category: the operator namespace ({@code aten}, {@code prim}, ...) or the kind for non-operators. */
    public String category() {
        return category;
    }

    public List<Port> inputs() {
        return inputs;
    }

    public List<Port> outputs() {
        return outputs;
    }

    /** Attributes as display text, folded constants included ({@code dim = 1}). */
    public Map<String, String> attributes() {
        return attributes;
    }

    public Optional<IrNode> ir() {
        return Optional.ofNullable(ir);
    }

    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    public Optional<IrSourceRange> sourceRange() {
        return ir == null ? Optional.empty() : ir.sourceRange();
    }

    /** The group this node is drawn in. */
    public GraphGroup group() {
        return group;
    }

    /** Position in {@link GraphGroup#nodes()}. */
    public int index() {
        return index;
    }

    public boolean isContainer() {
        return contentFactory != null;
    }

    /** The short type text of the first output, drawn under the title. */
    public String subtitle() {
        if (kind == NodeKind.OUTPUT && !inputs.isEmpty()) {
            return TypeText.brief(inputs.get(0).type());
        }
        return outputs.isEmpty() ? "" : TypeText.brief(outputs.get(0).type());
    }

    /**
     * The inside of a container, built on first call and kept. A submodule that cannot be loaded gives a group with
     * one error node that says why, so one bad submodule does not break the view.
     */
    public synchronized GraphGroup content() {
        if (contentFactory == null) {
            throw new IllegalStateException(id + " (" + kind + ") has no content");
        }
        if (content == null) {
            try {
                content = contentFactory.get();
            } catch (RuntimeException e) {
                contentError = e;
                content = GroupBuilder.errorGroup(this, e);
            }
            content.owner = this;
        }
        return content;
    }

    /** Whether {@link #content()} has been built (expanding or searching did it). */
    public synchronized boolean hasContent() {
        return content != null;
    }

    public synchronized Optional<RuntimeException> contentError() {
        content();
        return Optional.ofNullable(contentError);
    }

    @Override
    public String toString() {
        return id + " " + kind + " " + title;
    }
}
