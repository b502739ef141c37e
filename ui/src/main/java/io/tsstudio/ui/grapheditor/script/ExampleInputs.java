package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.NnModules;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Example values for the graph inputs, used to run and to trace. An input block's {@code example} setting gives a
 * tensor shape (or the value of a non-tensor input); without one, the shape is guessed from the first block the input
 * feeds (Linear: {@code [1, in_features]}, Conv2d: {@code [1, in_channels, 28, 28]}, ...). Tensors are seeded random
 * normals, so runs repeat.
 */
public final class ExampleInputs {
    public static final String SETTING = "example";

    private ExampleInputs() {
    }

    /** The shape (or value) used for an input, as a setting value. */
    public static Object exampleOf(GraphDocument doc, Block input) {
        if (input.settings().containsKey(SETTING)) return input.setting(SETTING);
        if (!input.type().equals("Tensor")) return input.type().equals("float") ? 1.0 : 1L;
        for (Connection c : doc.outgoing(input.id())) {
            Block user = doc.block(c.toBlock());
            if (user.kind() != BlockKind.MODULE || NnModules.find(user.type()).isEmpty()) continue;
            var s = NnModules.get(user.type()).read(user.settings());
            switch (user.type()) {
                case "Linear": return List.of(1L, s.integer("in_features"));
                case "Conv2d": return List.of(1L, s.integer("in_channels"), 28L, 28L);
                case "Conv1d": return List.of(1L, s.integer("in_channels"), 32L);
                case "BatchNorm2d": return List.of(2L, s.integer("num_features"), 8L, 8L);
                case "BatchNorm1d": return List.of(2L, s.integer("num_features"));
                case "LayerNorm": return List.of(1L, s.integer("normalized_shape"));
                default: break;
            }
        }
        return List.of(1L, 16L);
    }

    /** Fresh example values for every input, in input order. The caller closes the tensors. */
    public static List<Object> make(GraphDocument doc) {
        List<Object> out = new ArrayList<>();
        Random r = new Random(1234);
        for (Block b : doc.blocksOf(BlockKind.INPUT)) {
            Object ex = exampleOf(doc, b);
            if (b.type().equals("Tensor")) {
                if (!(ex instanceof List<?> l)) throw new IllegalArgumentException("input '" + b.name() + "': example must be a shape such as [1, 16]");
                long[] shape = new long[l.size()];
                long n = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = ((Number) l.get(i)).longValue();
                    n *= shape[i];
                }
                if (n > 50_000_000) throw new IllegalArgumentException("input '" + b.name() + "': example shape " + l + " is too large");
                float[] v = new float[(int) n];
                for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
                out.add(Tensors.of(v, shape));
            } else {
                out.add(ex);
            }
        }
        return out;
    }

    /** A readable summary of a result: shape, dtype and the first values of each tensor. */
    public static String describe(Object v) {
        StringBuilder b = new StringBuilder();
        describe(v, b, "");
        return b.toString();
    }

    private static void describe(Object v, StringBuilder b, String indent) {
        if (v instanceof Tensor t) {
            b.append(indent).append("Tensor ").append(java.util.Arrays.toString(t.shape())).append(' ').append(t.dtype()).append('\n');
            double[] d = t.numel() <= 64 ? t.toDoubleArray() : null;
            if (d == null) {
                d = java.util.Arrays.copyOf(t.toDoubleArray(), 64);
            }
            b.append(indent).append('[');
            for (int i = 0; i < d.length; i++) {
                if (i > 0) b.append(", ");
                b.append(String.format(java.util.Locale.ROOT, "%.5g", d[i]));
            }
            b.append(t.numel() > 64 ? ", ...]" : "]").append('\n');
        } else if (v instanceof io.tsstudio.engine.JitTuple tuple) {
            b.append(indent).append("tuple of ").append(tuple.values().size()).append('\n');
            for (Object x : tuple.values()) describe(x, b, indent + "  ");
        } else if (v instanceof List<?> l) {
            b.append(indent).append(l.size()).append(" values\n");
            for (Object x : l) describe(x, b, indent + "  ");
        } else {
            b.append(indent).append(v).append('\n');
        }
    }
}
