package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.run.OutputNode;

import java.util.Locale;

/** A worker's output tree as text for the editor's result pane: one line per node, a tensor with its first values. */
final class OutputTreeText {
    private static final int VALUES_SHOWN = 64;

    private OutputTreeText() {
    }

    static String of(OutputNode n) {
        StringBuilder b = new StringBuilder();
        append(b, n, "");
        return b.toString();
    }

    private static void append(StringBuilder b, OutputNode n, String indent) {
        b.append(indent).append(n.text()).append('\n');
        if (n.hasTensor() && n.tensor() != null) {
            double[] v = n.tensor().values();
            int shown = Math.min(v.length, VALUES_SHOWN);
            b.append(indent).append('[');
            for (int i = 0; i < shown; i++) {
                if (i > 0) b.append(", ");
                b.append(String.format(Locale.ROOT, "%.5g", v[i]));
            }
            b.append(n.tensor().numel() > shown ? ", ...]" : "]").append('\n');
        }
        for (OutputNode c : n.children()) append(b, c, indent + "  ");
    }
}
