package io.tsstudio.engine.trace;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.nn.Functional;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The dispatch point runs registry operators and, inside a trace, records them as graph nodes. */
class DispatchAndRecordTest {
    @Test
    void opsRunOutsideATrace() {
        Tensor x = Tensors.of(new float[] {-1, 0, 2});
        assertArrayEquals(new float[] {0, 0, 2}, Functional.relu(x).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 4}, x.add(2.0).toFloatArray());
        assertArrayEquals(new float[] {-2, 0, 4}, x.add(x).toFloatArray());
        assertEquals(1.0, x.sum().item(), 1e-6);
        List<Tensor> parts = Tensors.arange(6).reshape(2, 3).unbind(0);
        assertEquals(2, parts.size());
        assertArrayEquals(new long[] {3, 4, 5}, parts.get(1).toLongArray());
    }

    @Test
    void recordedGraphRunsOnOtherShapes() {
        TracedFunction f = Tracer.trace((a, b) -> Functional.softmax(a.add(b).mul(2.0), 0), Tensors.randn(3), Tensors.randn(3));
        String g = f.graph();
        assertTrue(g.contains("aten::add") && g.contains("aten::mul") && g.contains("aten::softmax"), g);
        Tensor a = Tensors.randn(5);
        Tensor b = Tensors.randn(5);
        Tensor expected = Functional.softmax(a.add(b).mul(2.0), 0);
        assertTrue(expected.allclose((Tensor) f.call(a, b)));
        assertEquals(List.of("Tensor", "Tensor"), f.signature().arguments().stream().map(io.tsstudio.engine.ArgumentInfo::type).toList());
        assertEquals("Tensor", f.signature().returnType());
    }

    @Test
    void listResultsAreUnpackedWithAFixedLength() {
        TracedFunction f = Tracer.trace(x -> x.unbind(0).get(1), Tensors.randn(3, 2));
        assertTrue(f.graph().contains("prim::ListUnpack"), f.graph());
        Tensor x = Tensors.randn(3, 4);
        assertTrue(x.get(1).equalTo((Tensor) f.call(x)));
    }
}
