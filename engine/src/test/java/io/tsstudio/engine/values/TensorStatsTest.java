package io.tsstudio.engine.values;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.run.TensorSummary;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One definition of a tensor's statistics: computed in LibTorch (the CLI), over copied values (the inspector) and in
 * the run panel's summary, NaN and infinities are counted apart and left out of min, max, mean and std.
 */
class TensorStatsTest {
    private static final double[] VALUES = {1, 2, 3, 4, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Test
    void libTorchJavaAndTheRunSummaryAgreeOnNanAndInfinity() {
        TensorStats java = TensorStats.of(VALUES);
        assertEquals(new TensorStats(4, 1, 4, 2.5, java.std(), 1, 2), java);
        assertEquals(Math.sqrt(5.0 / 3), java.std(), 1e-12); // torch.tensor([1., 2, 3, 4]).std()
        assertEquals(7, java.count());
        try (Tensor t = Tensors.of(VALUES, VALUES.length)) {
            TensorStats native_ = TensorStats.of(t).orElseThrow();
            assertEquals(java.finiteCount(), native_.finiteCount());
            assertEquals(java.nanCount(), native_.nanCount());
            assertEquals(java.infCount(), native_.infCount());
            assertEquals(java.min(), native_.min());
            assertEquals(java.max(), native_.max());
            assertEquals(java.mean(), native_.mean(), 1e-12);
            assertEquals(java.std(), native_.std(), 1e-12);
            TensorSummary summary = TensorSummary.of(t, 10);
            assertEquals(java.mean(), summary.mean(), 1e-12);
            assertEquals(java.std(), summary.std(), 1e-12);
            assertEquals(java.nanCount(), summary.nanCount());
            assertEquals(java.infCount(), summary.infCount());
        }
    }

    @Test
    void theCommandLinesJsonFiguresAreTheFiniteOnes() {
        try (Tensor t = Tensors.of(VALUES, VALUES.length); Tensor none = Tensors.of(new double[] {Double.NaN}, 1)) {
            com.fasterxml.jackson.databind.JsonNode json = ValueJson.write(t).get("tensor");
            assertEquals(1.0, json.get("min").asDouble());
            assertEquals(4.0, json.get("max").asDouble());
            assertEquals(2.5, json.get("mean").asDouble(), 1e-12);
            assertEquals("NaN", ValueJson.write(none).get("tensor").get("mean").asText());
        }
    }

    @Test
    void noFiniteValueGivesNanFiguresAndOneGivesZeroStd() {
        double[] none = {Double.NaN, Double.NEGATIVE_INFINITY};
        TensorStats java = TensorStats.of(none);
        assertTrue(Double.isNaN(java.min()) && Double.isNaN(java.max()) && Double.isNaN(java.mean()) && Double.isNaN(java.std()));
        assertEquals(1, java.nanCount());
        assertEquals(1, java.infCount());
        try (Tensor t = Tensors.of(none, 2); Tensor one = Tensors.of(new double[] {5, Double.NaN}, 2)) {
            TensorStats native_ = TensorStats.of(t).orElseThrow();
            assertTrue(Double.isNaN(native_.min()) && Double.isNaN(native_.mean()) && Double.isNaN(native_.std()));
            assertEquals(1, native_.nanCount());
            assertEquals(new TensorStats(1, 5, 5, 5, 0, 1, 0), TensorStats.of(one).orElseThrow());
            assertEquals(new TensorStats(1, 5, 5, 5, 0, 1, 0), TensorStats.of(new double[] {5, Double.NaN}));
        }
    }

    @Test
    void integersAndBooleansCountAsNumbersAndEmptyHasNone() {
        try (Tensor ints = Tensors.of(new long[] {-3, 7}, 2); Tensor bools = Tensors.of(new boolean[] {true, false, true}, 3);
             Tensor empty = Tensors.zeros(0)) {
            assertEquals(new TensorStats(2, -3, 7, 2, Math.sqrt(50), 0, 0), TensorStats.of(ints).orElseThrow());
            assertEquals(2.0 / 3, TensorStats.of(bools).orElseThrow().mean(), 1e-12);
            assertEquals(Optional.empty(), TensorStats.of(empty));
        }
    }
}
