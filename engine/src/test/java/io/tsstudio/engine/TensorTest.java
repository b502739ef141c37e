package io.tsstudio.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TensorTest {
    @Test
    void floatRoundTripKeepsShapeAndValues() {
        try (Tensor t = Tensors.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)) {
            assertArrayEquals(new long[] {2, 3}, t.shape());
            assertEquals(DType.FLOAT32, t.dtype());
            assertEquals(Device.CPU, t.device());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toFloatArray());
            assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, t.toLongArray());
        }
    }

    @Test
    void otherDtypes() {
        try (Tensor l = Tensors.of(new long[] {7, 8}); Tensor b = Tensors.of(new boolean[] {true, false, true}, 3);
             Tensor d = Tensors.of(new double[] {0.5}, new long[0])) {
            assertEquals(DType.INT64, l.dtype());
            assertArrayEquals(new boolean[] {true, false, true}, b.toBooleanArray());
            assertEquals(0, d.dim());
            assertEquals(0.5, d.item());
        }
    }

    @Test
    void shapeMismatchIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensors.of(new float[] {1, 2, 3}, 2, 2));
        assertTrue(e.getMessage().contains("holds 4 elements but 3 values"), e.getMessage());
    }

    @Test
    void closeIsIdempotent() {
        Tensor t = Tensors.of(new float[] {1});
        t.close();
        t.close();
        assertTrue(t.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, t::toFloatArray);
        assertEquals("tensor is closed", e.getMessage());
    }

    @Test
    void torchReportsCpu() {
        assertEquals("2.10.0", Torch.version());
        assertEquals(Device.CPU, Torch.devices().get(0));
    }

    @Test
    void emptyTensorsRoundTrip() {
        try (Tensor f = Tensors.of(new float[0], 0); Tensor l = Tensors.of(new long[0], 2, 0); Tensor b = Tensors.of(new boolean[0], 0)) {
            assertArrayEquals(new long[] {2, 0}, l.shape());
            assertEquals(0, f.toFloatArray().length);
            assertEquals(0, l.toLongArray().length);
            assertEquals(0, b.toBooleanArray().length);
        }
    }
}
