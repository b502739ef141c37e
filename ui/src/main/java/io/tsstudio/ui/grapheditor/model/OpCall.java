package io.tsstudio.ui.grapheditor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What an nn block's submodule computes: one aten operator applied to the block input, its own parameters, the
 * training flag and literals. One description serves both paths: rendered as TorchScript for the Script path,
 * called through the engine's operator registry for the Trace path.
 *
 * @param op   qualified operator ({@code aten::linear}); null for the identity
 * @param args arguments in schema order: {@link #INPUT}, {@link Param}, {@link #TRAINING} or a literal value
 */
public record OpCall(String op, List<Object> args) {
    /** The block's input tensor. */
    public static final Object INPUT = new Object() {
        @Override
        public String toString() {
            return "input";
        }
    };
    /** The module's {@code training} flag. */
    public static final Object TRAINING = new Object() {
        @Override
        public String toString() {
            return "self.training";
        }
    };

    /** A parameter or buffer of the block's submodule. */
    public record Param(String name) {
    }

    public OpCall {
        args = java.util.Collections.unmodifiableList(new ArrayList<>(args)); // literals may be null (None)
    }

    public static OpCall of(String op, Object... args) {
        return new OpCall(op, java.util.Arrays.asList(args));
    }

    public static OpCall identity() {
        return new OpCall(null, List.of());
    }

    /** TorchScript for the submodule's forward: {@code torch.linear(input, self.weight, self.bias)}. */
    public String render() {
        if (op == null) return "input";
        List<String> parts = new ArrayList<>();
        for (Object a : args) {
            if (a == INPUT || a == TRAINING) parts.add(a.toString());
            else if (a instanceof Param p) parts.add("self." + p.name());
            else parts.add(Literals.render(a));
        }
        return "torch." + op.substring(op.indexOf("::") + 2) + "(" + String.join(", ", parts) + ")";
    }
}
