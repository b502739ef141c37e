package io.tsstudio.app.cli;

import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueTextTest {
    @Test
    void smallTensorsPrintEveryValueAligned() {
        try (Tensor t = Tensors.of(new float[] {1, -2.5f, 3, 0.25f}, 2, 2)) {
            assertEquals("Tensor float32 [2, 2] on cpu\n[[   1, -2.5],\n [   3, 0.25]]\nmin -2.5  max 3  mean 0.4375", ValueText.format(t));
        }
        try (Tensor t = Tensors.of(new boolean[] {true, false})) {
            assertEquals("Tensor bool [2] on cpu\n[ True, False]", ValueText.format(t));
        }
    }

    @Test
    void bigTensorsPrintTheirEdges() {
        double[] data = new double[100 * 10];
        for (int i = 0; i < data.length; i++) data[i] = i;
        try (Tensor t = Tensors.of(data, 100, 10)) {
            String text = ValueText.format(t);
            List<String> lines = text.lines().toList();
            assertEquals("Tensor float64 [100, 10] on cpu", lines.get(0));
            assertTrue(lines.get(1).startsWith("[[  0,   1,   2, ..., "), lines.get(1));
            assertTrue(lines.get(1).endsWith("7,   8,   9],"), lines.get(1));
            assertEquals(" ...,", lines.get(4));
            assertTrue(lines.get(7).endsWith("997, 998, 999]]"), lines.get(7));
            assertEquals("min 0  max 999  mean 499.5", lines.get(8));
        }
    }

    @Test
    void containersAndScalars() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("a", 1L);
        m.put("b", Arrays.asList(1.5, null, true, "s"));
        assertEquals("Dict of 2\n  'a': 1\n  'b': [1.5, None, True, 's']", ValueText.format(m));
        assertEquals("NamedTuple of 2\n  x: 1\n  y: 'q'", ValueText.format(JitTuple.named(List.of("x", "y"), List.of(1L, "q"))));
        assertEquals("0.333333", ValueText.number(1.0 / 3));
        assertEquals("1.5e-7", ValueText.number(1.5e-7));
        assertEquals("1.23457e+10", ValueText.number(12345678901.0));
        assertEquals("nan", ValueText.number(Double.NaN));
    }
}
