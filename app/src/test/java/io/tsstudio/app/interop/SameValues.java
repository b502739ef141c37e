package io.tsstudio.app.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Asserts that a value the studio's engine returned equals PyTorch's, as {@code run_model.py} writes it: tensors by
 * shape, dtype and every value (within a tolerance scaled to the tensor's largest value: different builds of the same
 * kernels round differently), tuples, lists, dicts and scalars exactly.
 */
final class SameValues {
    static final double RTOL = 1e-4;
    static final double ATOL_OF_MAX = 1e-5;

    private SameValues() {
    }

    static void assertSame(JsonNode torch, Object studio, String where) {
        if (torch.isObject() && torch.has("tensor")) {
            Tensor t = assertInstanceOf(Tensor.class, studio, where + ": PyTorch gave a tensor");
            assertTensor(torch.get("tensor"), t, where);
        } else if (torch.isObject() && torch.has("tuple")) {
            JitTuple t = assertInstanceOf(JitTuple.class, studio, where + ": PyTorch gave a tuple");
            assertEquals(torch.get("tuple").size(), t.size(), where + ": tuple size");
            for (int i = 0; i < t.size(); i++) assertSame(torch.get("tuple").get(i), t.get(i), where + "[" + i + "]");
        } else if (torch.isObject() && torch.has("dict")) {
            Map<?, ?> m = assertInstanceOf(Map.class, studio, where + ": PyTorch gave a dict");
            JsonNode pairs = torch.get("dict");
            assertEquals(pairs.size(), m.size(), where + ": dict size");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            for (JsonNode pair : pairs) {
                Map.Entry<?, ?> e = it.next();
                assertSame(pair.get(0), e.getKey(), where + " key");
                assertSame(pair.get(1), e.getValue(), where + "[" + e.getKey() + "]");
            }
        } else if (torch.isArray()) {
            List<?> l = assertInstanceOf(List.class, studio, where + ": PyTorch gave a list");
            assertEquals(torch.size(), l.size(), where + ": list size");
            for (int i = 0; i < l.size(); i++) assertSame(torch.get(i), l.get(i), where + "[" + i + "]");
        } else if (torch.isNull()) {
            assertEquals(null, studio, where);
        } else if (torch.isBoolean()) {
            assertEquals(torch.booleanValue(), studio, where);
        } else if (torch.isIntegralNumber()) {
            assertEquals(torch.longValue(), studio, where);
        } else if (torch.isNumber()) {
            double d = assertInstanceOf(Double.class, studio, where + ": PyTorch gave a float").doubleValue();
            assertTrue(close(torch.doubleValue(), d, Math.abs(torch.doubleValue()) * ATOL_OF_MAX), where + ": " + d + " vs PyTorch's " + torch);
        } else if (torch.isTextual()) {
            assertEquals(torch.textValue(), studio, where);
        } else {
            fail(where + ": unexpected PyTorch value " + torch);
        }
    }

    private static void assertTensor(JsonNode torch, Tensor t, String where) {
        long[] shape = new long[torch.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = torch.get("shape").get(i).longValue();
        assertEquals(Arrays.toString(shape), Arrays.toString(t.shape()), where + ": shape");
        assertEquals(torch.get("dtype").asText(), t.dtype().jsonName(), where + ": dtype");
        double[] expected = doubles(torch.get("values"));
        double[] actual = t.dtype() == DType.BOOL ? booleans(t) : t.toDoubleArray();
        assertClose(expected, actual, where);
    }

    /** Every value within {@link #RTOL} of PyTorch's, or within {@link #ATOL_OF_MAX} of the largest magnitude. */
    static void assertClose(double[] expected, double[] actual, String where) {
        assertEquals(expected.length, actual.length, where + ": number of values");
        double max = 0;
        for (double v : expected) if (Double.isFinite(v)) max = Math.max(max, Math.abs(v));
        double atol = max * ATOL_OF_MAX;
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], actual[i], atol)) {
                fail(where + ": value " + i + " is " + actual[i] + ", PyTorch's is " + expected[i] + " (largest magnitude " + max + ")");
            }
        }
    }

    private static boolean close(double expected, double actual, double atol) {
        if (Double.isNaN(expected)) return Double.isNaN(actual);
        if (Double.isInfinite(expected)) return expected == actual;
        return Math.abs(actual - expected) <= atol + RTOL * Math.abs(expected);
    }

    static double[] doubles(JsonNode values) {
        List<Double> out = new ArrayList<>();
        for (JsonNode v : values) {
            if (v.isBoolean()) out.add(v.booleanValue() ? 1.0 : 0.0);
            else if (v.isTextual()) out.add(Double.parseDouble(v.textValue().replace("inf", "Infinity")));
            else out.add(v.doubleValue());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] booleans(Tensor t) {
        boolean[] b = t.toBooleanArray();
        double[] d = new double[b.length];
        for (int i = 0; i < b.length; i++) d[i] = b[i] ? 1 : 0;
        return d;
    }
}
