package io.tsstudio.engine.run;

import java.util.List;

/**
 * One node of a run's output as the run panel shows it: a tensor (with its summary), a scalar, or a container
 * (tuple, list, dict, object) with children. Plain data, so it crosses the worker boundary as JSON.
 *
 * @param label  the node's name in its parent: an index ({@code [0]}), a dict key, a field name; {@code output} at the root
 * @param kind   tensor, tuple, list, dict, object, int, float, bool, str, none
 * @param text   a one-line rendering (the value of a scalar, the shape and dtype of a tensor, the size of a container)
 * @param tensor the summary when {@code kind} is tensor, else null
 */
public record OutputNode(String label, String kind, String text, TensorSummary tensor, List<OutputNode> children) {
    public OutputNode {
        children = children == null ? List.of() : List.copyOf(children);
    }

    public boolean hasTensor() {
        return "tensor".equals(kind);
    }

    /** The node reached by following child indices from this one. */
    public OutputNode at(List<Integer> path) {
        OutputNode n = this;
        for (int i : path) {
            if (i < 0 || i >= n.children.size()) throw new IllegalArgumentException("no output at " + path);
            n = n.children.get(i);
        }
        return n;
    }
}
