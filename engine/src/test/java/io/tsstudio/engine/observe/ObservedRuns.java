package io.tsstudio.engine.observe;

import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.values.ValueJson;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Checks shared by the observer's tests: two run results are the same, bit for bit. */
final class ObservedRuns {
    private ObservedRuns() {
    }

    /** Same structure, same scalars, and tensors with the same dtype, shape and bits (NaNs included). */
    static void assertBitIdentical(Object expected, Object actual, String where) {
        if (expected instanceof Tensor e) {
            Tensor a = assertInstanceOf(Tensor.class, actual, where);
            assertEquals(e.dtype(), a.dtype(), where + " dtype");
            assertArrayEquals(e.shape(), a.shape(), where + " shape");
            switch (e.dtype()) {
                case FLOAT32 -> assertArrayEquals(bits(e.toFloatArray()), bits(a.toFloatArray()), where + " values");
                case BOOL -> assertArrayEquals(e.toBooleanArray(), a.toBooleanArray(), where + " values");
                case INT64, INT32, INT16, INT8, UINT8 -> assertArrayEquals(e.toLongArray(), a.toLongArray(), where + " values");
                default -> assertArrayEquals(doubleBits(e.toDoubleArray()), doubleBits(a.toDoubleArray()), where + " values");
            }
        } else if (expected instanceof JitTuple e) {
            JitTuple a = assertInstanceOf(JitTuple.class, actual, where);
            assertEquals(e.names(), a.names(), where + " names");
            assertEquals(e.size(), a.size(), where + " size");
            for (int i = 0; i < e.size(); i++) assertBitIdentical(e.values().get(i), a.values().get(i), where + "[" + i + "]");
        } else if (expected instanceof List<?> e) {
            List<?> a = assertInstanceOf(List.class, actual, where);
            assertEquals(e.size(), a.size(), where + " size");
            for (int i = 0; i < e.size(); i++) assertBitIdentical(e.get(i), a.get(i), where + "[" + i + "]");
        } else if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = assertInstanceOf(Map.class, actual, where);
            assertEquals(List.copyOf(e.keySet()), List.copyOf(a.keySet()), where + " keys");
            for (Object k : e.keySet()) assertBitIdentical(e.get(k), a.get(k), where + "[" + k + "]");
        } else if (expected instanceof Double d) {
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits((Double) actual), where);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits(v[i]);
        return out;
    }

    private static long[] doubleBits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Double.doubleToRawLongBits(v[i]);
        return out;
    }

    static void close(Object v) {
        ValueJson.closeTensors(v);
    }
}
