package io.tsstudio.engine.trace;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.types.OpArgument;
import io.tsstudio.engine.types.OpSchema;
import io.tsstudio.engine.Ops;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Reference §3 F and G: the operator registry by name, with overload resolution (dims are 0-based). */
// every module call of these cases is also run by the observing executor and compared (issue 15)
@org.junit.jupiter.api.extension.ExtendWith(io.tsstudio.engine.observe.ObservedCallsCheck.class)
class OpsCasesTest {
    @Test
    void case55AllOperators() {
        List<OpSchema> all = Ops.all();
        assertTrue(all.size() > 4000, "registry has " + all.size() + " overloads");
        assertTrue(all.stream().anyMatch(s -> s.name().equals("aten::matmul")));
        assertSame(all, Ops.all(), "read once and cached");
        List<String> names = Ops.names();
        assertTrue(names.contains("aten::matmul") && names.contains("prim::ChunkSizes"));
        assertTrue(names.size() < all.size(), "one name per operator, several overloads each");
    }

    @Test
    void case56OperatorInfo() {
        OpSchema matmul = Ops.schemas("aten::matmul").stream().filter(s -> s.overload().isEmpty()).findFirst().orElseThrow();
        assertEquals(2, matmul.arguments().size());
        assertEquals("self", matmul.arguments().get(0).name());
        assertEquals("TensorType", matmul.arguments().get(0).kind());
        assertEquals(1, matmul.returns().size());
        assertEquals("TensorType", matmul.returns().get(0).kind());
        assertEquals("aten::matmul(Tensor self, Tensor other) -> Tensor", matmul.schema());
    }

    @Test
    void case57Execute() {
        Tensor r = (Tensor) Ops.call("aten::matmul", Tensors.ones(5, 4), Tensors.rand(4, 5));
        assertArrayEquals(new long[] {5, 5}, r.shape());
        assertThrows(TorchException.class, () -> Ops.call("aten::matmul", Tensors.ones(4, 5), Tensors.rand(4, 5)));
        TorchException notTensor = assertThrows(TorchException.class, () -> Ops.call("aten::matmul", Tensors.ones(4, 5), 27L));
        assertTrue(notTensor.getMessage().contains("no overload"), notTensor.getMessage());
        Tensor out = Tensors.zeros(4, 4);
        Ops.call("aten::matmul", Tensors.ones(4, 4), Tensors.eye(4), out);
        assertTrue(out.equalTo(Tensors.ones(4, 4)), "the third tensor selects the out= overload and is written in place");
        // R's arange(0, 3) is inclusive: 4 elements
        List<?> split = (List<?>) Ops.call("aten::split", Tensors.arange(4), 2L, 0L);
        assertEquals(2, split.size());
        List<Tensor> expected = Tensors.arange(4).split(2, 0);
        for (int i = 0; i < 2; i++) assertTrue(((Tensor) split.get(i)).equalTo(expected.get(i)));
        assertEquals(1, ((List<?>) Ops.call("aten::split", Tensors.arange(4), 4L, 0L)).size());
        List<?> qr = (List<?>) Ops.call("aten::linalg_qr", Tensors.eye(5).div(5.0), "reduced");
        assertEquals(2, qr.size());
        Tensor rFactor = (Tensor) qr.get(1);
        assertTrue(rFactor.abs().allclose(Tensors.eye(5).div(5.0), 1e-5, 1e-6));
        TorchException unknown = assertThrows(TorchException.class, () -> Ops.call("aten::no_such_op", Tensors.ones(1)));
        assertTrue(unknown.getMessage().contains("unknown operator"), unknown.getMessage());
    }

    @Test
    void case58AllSchemasFor() {
        List<OpSchema> conv = Ops.schemas("aten::conv2d");
        OpSchema plain = conv.stream().filter(s -> s.overload().isEmpty()).findFirst().orElseThrow();
        OpSchema padding = conv.stream().filter(s -> s.overload().equals("padding")).findFirst().orElseThrow();
        Set<String> kinds = new HashSet<>();
        for (OpArgument a : padding.arguments()) kinds.add(a.kind());
        for (OpArgument a : plain.arguments()) kinds.remove(a.kind());
        assertEquals(Set.of("StringType"), kinds);
        assertEquals(2, Ops.schemas("aten::matmul").stream().filter(s -> s.name().equals("aten::matmul")).count());
    }

    @Test
    void case59OpsObject() {
        assertArrayEquals(new long[] {5, 5}, ((Tensor) Ops.call("aten::matmul", Tensors.ones(5, 4), Tensors.rand(4, 5))).shape());
        Tensor t1 = Tensors.rand(4, 4);
        Tensor out = Tensors.zeros(4, 4);
        Ops.call("aten::matmul", t1, Tensors.eye(4), out);
        assertTrue(out.allclose(t1));
        assertEquals(2, ((List<?>) Ops.call("aten::split", Tensors.arange(4), 2L, 0L)).size());
        assertEquals(1, ((List<?>) Ops.call("aten::split", Tensors.arange(4), 4L, 0L)).size());
        Tensor r = (Tensor) ((List<?>) Ops.call("aten::linalg_qr", Tensors.eye(5).div(5.0), "reduced")).get(1);
        assertArrayEquals(new long[] {5, 5}, r.shape());
        // exact overloads can be named, and defaults may be left out
        assertEquals("aten::add.Tensor", Ops.resolve("aten::add", Tensors.ones(1), Tensors.ones(1)).fullName());
        assertEquals("aten::add.Scalar", Ops.resolve("aten::add", Tensors.ones(1), 2.0).fullName());
    }

    @Test
    void case60SchemaText() {
        // R prints ops objects; Java shows the same information as schema records.
        OpSchema chunkSizes = Ops.schemas("prim::ChunkSizes").get(0);
        assertEquals("prim::ChunkSizes", chunkSizes.name());
        assertTrue(chunkSizes.arguments().isEmpty());
        assertTrue(chunkSizes.returns().isEmpty());
        OpSchema fft = Ops.schemas("aten::fft_fft").stream().filter(s -> s.overload().isEmpty()).findFirst().orElseThrow();
        assertEquals(List.of("self", "n", "dim", "norm"), fft.arguments().stream().map(OpArgument::name).toList());
        assertEquals(List.of("TensorType", "OptionalType", "IntType", "OptionalType"), fft.arguments().stream().map(OpArgument::kind).toList());
        assertEquals("TensorType", fft.returns().get(0).kind());
        assertTrue(Ops.schemas("aten::no_such_op").isEmpty());
    }
}
