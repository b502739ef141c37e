package io.tsstudio.engine.nn;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Built-in modules: PyTorch's parameter names, shapes and default initialisation ranges, and their forward. */
class ModulesTest {
    private static void assertWithin(Tensor t, double bound) {
        double max = t.abs().max().item();
        assertTrue(max <= bound + 1e-6, "max |value| " + max + " above " + bound);
        assertTrue(max > bound * 0.5, "values should spread over the range, max " + max);
    }

    @Test
    void linearMatchesPyTorch() {
        Linear l = new Linear(100, 20);
        assertEquals(List.of("weight", "bias"), List.copyOf(l.namedParameters().keySet()));
        assertArrayEquals(new long[] {20, 100}, l.weight.shape());
        assertTrue(l.weight.requiresGrad());
        assertWithin(l.weight, 0.1);
        assertWithin(l.bias, 0.1);
        Tensor x = Tensors.randn(4, 100);
        assertTrue(l.forward(x).allclose(x.matmul(l.weight.t()).add(l.bias), 1e-5, 1e-5));
        assertNull(new Linear(3, 3, false).bias);
    }

    @Test
    void convolutions() {
        Conv2d c = new Conv2d(3, 8, 3);
        assertArrayEquals(new long[] {8, 3, 3, 3}, c.weight.shape());
        assertWithin(c.weight, 1 / Math.sqrt(27));
        assertArrayEquals(new long[] {1, 8, 30, 30}, c.forward(Tensors.randn(1, 3, 32, 32)).shape());
        Conv1d c1 = new Conv1d(4, 6, 5);
        assertArrayEquals(new long[] {6, 4, 5}, c1.weight.shape());
        assertArrayEquals(new long[] {2, 6, 16}, c1.forward(Tensors.randn(2, 4, 20)).shape());
    }

    @Test
    void batchNormTracksRunningStatsInTrainModeOnly() {
        BatchNorm1d bn = new BatchNorm1d(3);
        assertEquals(List.of("weight", "bias"), List.copyOf(bn.namedParameters().keySet()));
        assertEquals(List.of("running_mean", "running_var", "num_batches_tracked"), List.copyOf(bn.namedBuffers().keySet()));
        assertEquals(DType.INT64, bn.numBatchesTracked.dtype());
        Tensor x = Tensors.randn(16, 3).add(5.0);
        Tensor y = bn.forward(x);
        assertEquals(0.0, y.mean(0, false).abs().max().item(), 1e-4);
        assertEquals(1L, bn.numBatchesTracked.toLongArray()[0]);
        assertTrue(bn.runningMean.mean().item() > 0.3, "running mean moved towards 5");
        bn.eval();
        Tensor before = bn.runningMean.clone();
        bn.forward(x);
        assertTrue(before.equalTo(bn.runningMean));
        assertArrayEquals(new long[] {2, 4, 5, 5}, new BatchNorm2d(4).forward(Tensors.randn(2, 4, 5, 5)).shape());
    }

    @Test
    void otherLayers() {
        Tensor x = Tensors.randn(2, 4, 6, 6);
        assertArrayEquals(new long[] {2, 4, 3, 3}, new MaxPool2d(2).forward(x).shape());
        assertArrayEquals(new long[] {2, 4, 3, 3}, new AvgPool2d(2).forward(x).shape());
        assertArrayEquals(new long[] {2, 144}, new Flatten().forward(x).shape());
        LayerNorm ln = new LayerNorm(6);
        assertArrayEquals(new long[] {2, 4, 6, 6}, ln.forward(x).shape());
        Embedding e = new Embedding(10, 3);
        assertArrayEquals(new long[] {2, 3}, e.forward(Tensors.of(new long[] {1, 7})).shape());
        // activations against known values (PyTorch's, to float precision): GELU is the exact erf form
        Tensor v = Tensors.of(new float[] {-2f, -1f, 0f, 0.5f, 1f, 3f});
        assertArrayEquals(new float[] {0f, 0f, 0f, 0.5f, 1f, 3f}, new ReLU().forward(v).toFloatArray(), 0f);
        assertArrayEquals(new float[] {-0.04550026f, -0.15865525f, 0f, 0.34573123f, 0.84134475f, 2.99595031f},
                new GELU().forward(v).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {-0.96402758f, -0.76159416f, 0f, 0.46211716f, 0.76159416f, 0.99505475f},
                new Tanh().forward(v).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.11920292f, 0.26894142f, 0.5f, 0.62245933f, 0.73105858f, 0.95257413f},
                new Sigmoid().forward(v).toFloatArray(), 1e-6f);
        for (boolean nonNegative : new ReLU().forward(x).ge(0.0).toBooleanArray()) assertTrue(nonNegative, "ReLU of random input is never negative");
        assertEquals(1.0, new Softmax(1).forward(Tensors.randn(1, 5)).sum().item(), 1e-6);
        assertTrue(new LogSoftmax(1).forward(Tensors.randn(1, 5)).exp().sum().allclose(Tensors.ones(new long[0], DType.FLOAT32)));
    }

    @Test
    void treeNamesModesAndStateDict() {
        Sequential s = new Sequential(new Linear(2, 3), new ReLU(), new Sequential(new Linear(3, 1), new Dropout()));
        assertEquals(List.of("0.weight", "0.bias", "2.0.weight", "2.0.bias"), List.copyOf(s.namedParameters().keySet()));
        assertEquals(List.of("", "0", "1", "2", "2.0", "2.1"), List.copyOf(s.namedModules().keySet()));
        s.eval();
        assertFalse(s.get(2).isTraining());
        assertFalse(((Sequential) s.get(2)).get(1).isTraining());
        Sequential t = new Sequential(new Linear(2, 3), new ReLU(), new Sequential(new Linear(3, 1), new Dropout()));
        t.loadStateDict(s.stateDict());
        t.eval();
        Tensor x = Tensors.randn(4, 2);
        assertTrue(s.forward(x).equalTo(t.forward(x)));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(2));
    }
}
