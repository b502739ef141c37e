package io.tsstudio.engine;

import io.tsstudio.engine.trace.Tracer;
import io.tsstudio.engine.trace.TracedFunction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Overload resolution for the Java argument kinds: which schema each call picks, and that it runs. */
class OpsResolutionTest {
    private static String picked(String name, Object... args) {
        return Ops.resolve(name, args).fullName();
    }

    @Test
    void picksOverloadsByJavaArgumentKinds() {
        Tensor x = Tensors.randn(2, 3);
        assertEquals("aten::sum", picked("aten::sum", x));
        assertEquals("aten::sum.dim_IntList", picked("aten::sum", x, new long[] {0}));
        assertEquals("aten::sum.dim_IntList", picked("aten::sum", x, new long[] {0}, true, DType.FLOAT64));
        assertEquals("aten::to.dtype", picked("aten::to", x, DType.FLOAT64));
        assertEquals("aten::to.device", picked("aten::to", x, Device.CPU, DType.FLOAT32));
        assertEquals("aten::where.ScalarOther", picked("aten::where", x.gt(0.0), x, 0.0));
        assertEquals("aten::where.self", picked("aten::where", x.gt(0.0), x, x));
        assertEquals("aten::index.Tensor", picked("aten::index", x, List.of(Tensors.of(new long[] {1}))));
        assertEquals("aten::add.Tensor", picked("aten::add.Tensor", x, x, 2L));
        assertEquals("aten::mul.Scalar", picked("aten::mul", x, true));
    }

    @Test
    void callsRunWithDefaultsNullsAndBroadcastInts() {
        Tensor x = Tensors.arange(6).reshape(2, 3).to(DType.FLOAT32);
        assertEquals(3L, Ops.call("aten::size.int", x, 1L));
        assertEquals(List.of(2L, 3L), Ops.call("aten::size", x));
        assertArrayEquals(new float[] {0, 1, 1, 1, 1, 1}, ((Tensor) Ops.call("aten::clamp", x, null, 1.0)).toFloatArray());
        assertEquals(DType.FLOAT64, ((Tensor) Ops.call("aten::sum", x, new long[] {1}, false, DType.FLOAT64)).dtype());
        Tensor img = Tensors.randn(1, 1, 4, 4);
        assertArrayEquals(new long[] {1, 1, 2, 2}, ((Tensor) Ops.call("aten::max_pool2d", img, 2L)).shape(), "an int broadcasts to int[2]");
        assertArrayEquals(new float[] {7, 7}, ((Tensor) Ops.call("aten::full", new long[] {2}, 7.0)).toFloatArray());
        assertArrayEquals(new float[] {3, 4, 5}, ((Tensor) Ops.call("aten::index", x, List.of(Tensors.of(new long[] {1})))).toFloatArray());
        Object qr = Ops.call("aten::linalg_qr", Tensors.eye(3), "complete");
        assertEquals(2, ((List<?>) qr).size());
    }

    @Test
    void namedArgumentsIncludingKeywordOnlyOnes() {
        Tensor x = Tensors.arange(6).reshape(2, 3).to(DType.FLOAT32);
        Tensor s = (Tensor) Ops.callNamed("aten::sum", List.of(x), java.util.Map.of("dim", new long[] {1}, "keepdim", true));
        assertArrayEquals(new long[] {2, 1}, s.shape());
        Tensor d = (Tensor) Ops.callNamed("aten::sum", List.of(x), java.util.Map.of("dtype", DType.FLOAT64));
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(15.0, d.item());
        Tensor a = (Tensor) Ops.callNamed("aten::add", List.of(x, x), java.util.Map.of("alpha", 2L));
        assertArrayEquals(new float[] {0, 3, 6, 9, 12, 15}, a.toFloatArray());
        TorchException e = assertThrows(TorchException.class, () -> Ops.callNamed("aten::relu", List.of(x), java.util.Map.of("nope", 1L)));
        assertTrue(e.getMessage().contains("nope=int"), e.getMessage());
    }

    @Test
    void anyRegistryOperatorIsTraceable() {
        TracedFunction f = Tracer.trace(x -> (Tensor) Ops.call("aten::cumsum", x, 0L), Tensors.ones(4));
        assertTrue(f.graph().contains("aten::cumsum"), f.graph());
        assertArrayEquals(new float[] {1, 2, 3}, ((Tensor) f.call(Tensors.ones(3))).toFloatArray());
    }

    @Test
    void badCallsSayWhatWasGivenAndWhatExists() {
        TorchException e = assertThrows(TorchException.class, () -> Ops.call("aten::relu", "x"));
        assertTrue(e.getMessage().contains("aten::relu: no overload accepts (String)"), e.getMessage());
        assertTrue(e.getMessage().contains("aten::relu(Tensor self) -> Tensor"), e.getMessage());
        TorchException unqualified = assertThrows(TorchException.class, () -> Ops.call("relu", Tensors.ones(1)));
        assertTrue(unqualified.getMessage().contains("aten::relu"), unqualified.getMessage());
        TorchException runtime = assertThrows(TorchException.class, () -> Ops.call("aten::mm", Tensors.ones(2, 3), Tensors.ones(2, 3)));
        assertTrue(runtime.getMessage().startsWith("aten::mm failed:"), runtime.getMessage());
        assertFalse(runtime.getMessage().contains("Exception raised from"), "no C++ stack in the message");
    }
}
