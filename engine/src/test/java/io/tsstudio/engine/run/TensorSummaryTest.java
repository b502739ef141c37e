package io.tsstudio.engine.run;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TensorSummaryTest {
    @Test
    void statisticsSkipNanAndInfAndCountThem() {
        try (Tensor t = Tensors.of(new float[] {1, 2, 3, 4, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, 7)) {
            TensorSummary s = TensorSummary.of(t, 3);
            assertArrayEquals(new long[] {7}, s.shape());
            assertEquals("float32", s.dtype());
            assertEquals("cpu", s.device());
            assertEquals(1, s.min());
            assertEquals(4, s.max());
            assertEquals(2.5, s.mean(), 1e-12);
            assertEquals(Math.sqrt(5.0 / 3), s.std(), 1e-12); // torch.tensor([1.,2,3,4]).std() = 1.2910
            assertEquals(1, s.nanCount());
            assertEquals(2, s.infCount());
            assertArrayEquals(new double[] {1, 2, 3}, s.values());
            assertTrue(s.truncated());
            assertEquals(4, java.util.Arrays.stream(s.histogram()).sum());
            assertEquals(1, s.histogram()[0]);
            assertEquals(1, s.histogram()[TensorSummary.DEFAULT_BINS - 1]);
        }
    }

    @Test
    void boolAndIntegerTensors() {
        try (Tensor b = Tensors.of(new boolean[] {true, false, true}, 3); Tensor l = Tensors.of(new long[] {5, 5}, 2)) {
            TensorSummary sb = TensorSummary.of(b, 100);
            assertEquals("bool", sb.dtype());
            assertEquals(2.0 / 3, sb.mean(), 1e-12);
            TensorSummary sl = TensorSummary.of(l, 100);
            assertEquals(0, sl.std());
            assertEquals(2, sl.histogram()[0]);
            assertFalse(sl.truncated());
        }
    }

    @Test
    void allNanHasNoStatistics() {
        TensorSummary s = TensorSummary.of(new long[] {2}, "float32", "cpu", new double[] {Double.NaN, Double.NaN}, 10);
        assertTrue(Double.isNaN(s.min()) && Double.isNaN(s.mean()) && Double.isNaN(s.std()));
        assertEquals(0, s.histogram().length);
    }
}
