package io.tsstudio.app.worker;

import io.tsstudio.engine.observe.ObservedTensor;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.engine.run.OutputTrees;
import io.tsstudio.engine.run.TensorSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An observed value as the run panel's outputs view shows it (statistics, histogram, values). A tensor the run kept
 * is summarized in full; one over the memory budget has only the statistics the executor recorded, and says so.
 */
final class ObservedValueTrees {
    static final String NOT_KEPT = " (values not kept: over the observation's memory budget)";

    private ObservedValueTrees() {
    }

    static OutputNode tree(String label, ObservedValue v) {
        if (v.tensors().size() == 1 && v.type().startsWith("Tensor")) return tensor(label, v.tensors().get(0));
        if (v.tensors().isEmpty()) return new OutputNode(label, kind(v.type()), v.text(), null, List.of());
        List<OutputNode> children = new ArrayList<>();
        for (int i = 0; i < v.tensors().size(); i++) children.add(tensor("[" + i + "]", v.tensors().get(i)));
        return new OutputNode(label, v.type().startsWith("List") ? "list" : "tuple", v.text(), null, children);
    }

    private static OutputNode tensor(String label, ObservedTensor t) {
        String text = "Tensor " + Arrays.toString(t.shape()) + " " + t.dtype() + (t.device().equals("cpu") ? "" : " " + t.device());
        if (t.kept().isPresent() && !t.kept().get().isClosed()) {
            return new OutputNode(label, "tensor", text, TensorSummary.of(t.kept().get(), OutputTrees.MAX_VALUES), List.of());
        }
        long numel = 1;
        for (long d : t.shape()) numel *= d;
        TensorSummary s = new TensorSummary(t.shape(), t.dtype(), t.device(), numel, t.min(), t.max(), t.mean(), Double.NaN,
                t.nanCount(), t.infCount(), new long[0], new double[0]);
        return new OutputNode(label, "tensor", text + NOT_KEPT, s, List.of());
    }

    private static String kind(String type) {
        return switch (type) {
            case "int" -> "int";
            case "float" -> "float";
            case "bool" -> "bool";
            case "str" -> "str";
            case "NoneType" -> "none";
            default -> "object";
        };
    }
}
