package io.tsstudio.engine.trace;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.nn.Functional;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static io.tsstudio.engine.nn.Functional.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every typed Tensor op runs with the right values, and traces into a graph that reproduces it on new inputs. */
class TensorOpsTraceTest {
    private static final Tensor X = Tensors.of(new float[] {-2, -1, 0.5f, 1, 2, 3}, 2, 3);

    private static void checkTraced(String name, Function<Tensor, Tensor> op, Tensor example, Tensor other) {
        TracedFunction tr = Tracer.trace(op::apply, example);
        Tensor expected = op.apply(other);
        Tensor actual = (Tensor) tr.call(other);
        assertArrayEquals(expected.shape(), actual.shape(), name);
        assertTrue(expected.to(DType.FLOAT64).allclose(actual.to(DType.FLOAT64), 1e-5, 1e-6), name + "\n" + tr.graph());
    }

    @Test
    void elementwiseValues() {
        Tensor a = Tensors.of(new float[] {1, 4, 9});
        assertArrayEquals(new float[] {1, 2, 3}, a.sqrt().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {1, 16, 81}, a.pow(2.0).toFloatArray(), 1e-4f);
        assertArrayEquals(new float[] {-1, -4, -9}, a.neg().toFloatArray());
        assertArrayEquals(new float[] {2, 4, 5}, a.clamp(2.0, 5.0).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 2, 4.5f}, a.div(2.0).toFloatArray());
        assertArrayEquals(new boolean[] {false, true, true}, a.gt(2.0).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, false}, a.eq(1.0).toBooleanArray());
        assertArrayEquals(new float[] {1, 0, 9}, Tensors.where(a.ne(4.0), a, Tensors.zeros(3)).toFloatArray());
        assertEquals(9.0, a.max().item());
        assertEquals(2L, a.argmax().toLongArray()[0]);
        assertEquals(14.0 / 3, a.mean().item(), 1e-6);
        assertArrayEquals(new float[] {0, 0, 1}, relu(Tensors.of(new float[] {-1, 0, 1})).toFloatArray());
        assertEquals(1.0, softmax(Tensors.of(new float[] {1, 2, 3}), 0).sum().item(), 1e-6);
    }

    @Test
    void shapesAndIndexing() {
        Tensor a = Tensors.arange(24).reshape(2, 3, 4);
        assertArrayEquals(new long[] {4, 3, 2}, a.permute(2, 1, 0).shape());
        assertArrayEquals(new long[] {2, 4, 3}, a.transpose(1, 2).shape());
        assertArrayEquals(new long[] {2, 12}, a.flatten(1, -1).shape());
        assertArrayEquals(new long[] {1, 2, 3, 4}, a.unsqueeze(0).shape());
        assertArrayEquals(new long[] {2, 3, 4}, a.unsqueeze(0).squeeze(0).shape());
        assertArrayEquals(new long[] {6, 4}, a.view(6, 4).shape());
        assertArrayEquals(new long[] {16, 17, 18, 19}, a.select(0, 1).select(0, 1).toLongArray());
        assertArrayEquals(new long[] {2, 3, 2}, a.narrow(2, 1, 2).shape());
        assertEquals(3, a.unbind(1).size());
        assertEquals(2, a.split(2, 2).size());
        assertEquals(2, a.chunk(2, 2).size());
        assertArrayEquals(new long[] {4, 3, 4}, Tensors.cat(List.of(a, a), 0).shape());
        assertArrayEquals(new long[] {2, 2, 3, 4}, Tensors.stack(List.of(a, a), 0).shape());
        assertArrayEquals(new long[] {8, 9, 10, 11}, a.get(0).get(2).toLongArray());
        assertArrayEquals(new long[] {2, 0}, Tensors.arange(3).index(Tensors.of(new long[] {2, 0})).toLongArray());
    }

    @Test
    void neuralNetworkFunctions() {
        Tensor img = Tensors.randn(2, 3, 8, 8);
        Tensor w = Tensors.randn(4, 3, 3, 3);
        assertArrayEquals(new long[] {2, 4, 6, 6}, conv2d(img, w, null).shape());
        assertArrayEquals(new long[] {2, 3, 4, 4}, maxPool2d(img, 2).shape());
        assertArrayEquals(new long[] {2, 3, 4, 4}, avgPool2d(img, 2).shape());
        Tensor seq = Tensors.randn(2, 3, 10);
        assertArrayEquals(new long[] {2, 5, 8}, conv1d(seq, Tensors.randn(5, 3, 3), Tensors.zeros(5), 1, 0, 1, 1).shape());
        Tensor ln = layerNorm(Tensors.randn(4, 6), new long[] {6}, null, null, 1e-5);
        assertEquals(0.0, ln.mean(1, false).abs().max().item(), 1e-5);
        Tensor emb = Functional.embedding(Tensors.eye(5), Tensors.of(new long[] {3, 1}));
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 1, 0, 0, 0}, emb.toFloatArray());
        assertTrue(dropout(Tensors.ones(3, 3), 0.5, false).equalTo(Tensors.ones(3, 3)));
        Tensor bn = batchNorm(Tensors.randn(8, 3), null, null, Tensors.zeros(3), Tensors.ones(3), false, 0.1, 0.0);
        assertArrayEquals(new long[] {8, 3}, bn.shape());
    }

    @Test
    void everyTypedOpTracesFaithfully() {
        Tensor other = Tensors.randn(2, 3);
        Tensor w = Tensors.randn(5, 3);
        checkTraced("add", x -> x.add(x).add(1.5), X, other);
        checkTraced("sub/mul/div", x -> x.sub(0.5).mul(x).div(2.0).sub(x), X, other);
        checkTraced("abs/exp/log/sqrt/pow", x -> x.abs().add(1.0).log().exp().sqrt().pow(2.0), X, other);
        checkTraced("compare", x -> Tensors.where(x.gt(0.0), x, x.neg()).add(x.le(x).to(DType.FLOAT32)), X, other);
        checkTraced("clamp", x -> x.clamp(-0.5, 0.5).add(x.clampMin(0)).add(x.clampMax(0)), X, other);
        checkTraced("activations", x -> relu(x).add(gelu(x)).add(silu(x)).add(sigmoid(x)).add(tanh(x)), X, other);
        checkTraced("softmax", x -> softmax(x, 1).add(logSoftmax(x, 0)), X, other);
        checkTraced("linear", x -> linear(x, w, null).matmul(w).mm(w.t()), X, other);
        checkTraced("bmm", x -> x.unsqueeze(0).bmm(x.t().unsqueeze(0)), X, other);
        checkTraced("reductions", x -> x.sum(1).add(x.mean(1, false)).add(x.max(1, false).get(0)).add(x.min(1, false).get(0)), X, other);
        checkTraced("argmax", x -> x.argmax(1, false).to(DType.FLOAT32), X, other);
        checkTraced("shapes", x -> x.reshape(3, 2).t().contiguous().view(6).unsqueeze(1).squeeze(1).flatten(), X, other);
        checkTraced("permute", x -> x.unsqueeze(0).permute(2, 0, 1).transpose(0, 1), X, other);
        checkTraced("cat/stack", x -> Tensors.cat(List.of(x, x), 1).add(Tensors.stack(List.of(x, x), 0).flatten(0, 1).reshape(2, 6)), X, other);
        checkTraced("unbind/split/chunk", x -> x.unbind(0).get(1).add(x.split(1, 0).get(0).squeeze(0)).add(x.chunk(3, 1).get(2).sum()), X, other);
        checkTraced("select/narrow/slice", x -> x.select(1, 2).add(x.narrow(1, 0, 1).squeeze(1)).add(x.slice(1, 0, 3, 2).sum(1)), X, other);
        checkTraced("index", x -> x.index(Tensors.of(new long[] {1, 0})).indexSelect(1, Tensors.of(new long[] {2, 2})), X, other);
        checkTraced("dropout eval", x -> dropout(x, 0.3, false), X, other);
        checkTraced("masked fill", x -> x.maskedFill(x.lt(0.0), 0.0), X, other);
    }
}
