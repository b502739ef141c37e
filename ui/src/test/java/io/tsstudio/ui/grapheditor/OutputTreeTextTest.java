package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.engine.run.TensorSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputTreeTextTest {
    private static OutputNode tensor(String label, int numel, int kept) {
        double[] all = IntStream.range(0, numel).asDoubleStream().map(v -> v / 4).toArray();
        TensorSummary s = TensorSummary.of(new long[] {numel}, "float32", "cpu", all, kept);
        return new OutputNode(label, "tensor", label + ": Tensor [" + numel + "] float32", s, List.of());
    }

    @Test
    void aTupleShowsOneLinePerNodeWithChildrenIndentedAndLongTensorsCut() {
        OutputNode small = tensor("0", 3, 100);
        OutputNode big = tensor("1", 100, 100);
        OutputNode tuple = new OutputNode("", "tuple", "Tuple (2)", null, List.of(small, big));

        String[] lines = OutputTreeText.of(tuple).split("\n");

        assertEquals(5, lines.length);
        assertEquals("Tuple (2)", lines[0]);
        assertEquals("  0: Tensor [3] float32", lines[1]);
        assertEquals("  [0.0000, 0.25000, 0.50000]", lines[2], "all of a short tensor, no ellipsis");
        assertEquals("  1: Tensor [100] float32", lines[3]);
        assertEquals(64, lines[4].split(", ").length - 1, "64 values, then the ellipsis: " + lines[4]);
        assertEquals("  [0.0000, 0.25000, ", lines[4].substring(0, 20));
        assertTrue(lines[4].endsWith(", 15.750, ...]"), lines[4]);
    }

    @Test
    void aTensorSummaryThatKeptFewerValuesThanItHasEndsWithAnEllipsis() {
        assertEquals("0: Tensor [10] float32\n[0.0000, 0.25000, ...]\n", OutputTreeText.of(tensor("0", 10, 2)));
    }
}
