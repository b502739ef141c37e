package io.tsstudio.engine.observe;

import java.util.List;
import java.util.Map;

/**
 * Where a stepped run stands, just before a node runs.
 *
 * @param stack     innermost last: the root's method first, then each submodule call descended into
 * @param variables the current frame's values so far, by IR value id ({@code %x.1} debug names as keys)
 */
public record Frame(List<StackEntry> stack, Map<String, ObservedValue> variables) {
    public Frame {
        stack = List.copyOf(stack);
        variables = Map.copyOf(variables);
    }

    public StackEntry current() {
        return stack.get(stack.size() - 1);
    }
}
