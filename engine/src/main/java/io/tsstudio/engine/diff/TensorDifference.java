package io.tsstudio.engine.diff;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;

import java.util.Arrays;

/** How far apart two tensors of the same shape are, computed by LibTorch (no copy into Java arrays). */
final class TensorDifference {
    private TensorDifference() {
    }

    /** Largest {@code |a - b|}; 0 for empty tensors, NaN when a NaN is involved. */
    static double maxAbs(Tensor a, Tensor b) {
        if (a.numel() == 0) return 0;
        try (Pair p = Pair.of(a, b);
             Tensor diff = p.a.sub(p.b);
             Tensor abs = diff.abs();
             Tensor max = abs.max()) {
            return max.item();
        }
    }

    /** Largest {@code |a - b| / |b|} over the elements that differ; infinite where {@code b} is 0 and {@code a} not. */
    static double maxRel(Tensor a, Tensor b) {
        if (a.numel() == 0) return 0;
        try (Pair p = Pair.of(a, b);
             Tensor diff = p.a.sub(p.b);
             Tensor abs = diff.abs();
             Tensor base = p.b.abs();
             Tensor rel = abs.div(base);
             Tensor same = abs.eq(0.0);
             Tensor relOrZero = Tensors.where(same, abs, rel);
             Tensor max = relOrZero.max()) {
            return max.item();
        }
    }

    /** Same shape and every element within tolerance ({@code torch.allclose}). */
    static boolean close(Tensor a, Tensor b, Tolerance tolerance) {
        if (!Arrays.equals(a.shape(), b.shape())) return false;
        if (a.numel() == 0) return true;
        try (Pair p = Pair.of(a, b)) {
            return p.a.allclose(p.b, tolerance.rtol(), tolerance.atol());
        }
    }

    static boolean identical(Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) return false;
        if (a.dtype() == b.dtype()) return a.equalTo(b);
        try (Pair p = Pair.of(a, b)) {
            return p.a.equalTo(p.b);
        }
    }

    /**
     * Both tensors in one floating type: their own when they share a floating dtype, else float64 (integers, bools
     * and mixed dtypes), so subtraction and {@code allclose} accept them. Closes only the conversions it made.
     */
    private record Pair(Tensor a, Tensor b, boolean converted) implements AutoCloseable {
        static Pair of(Tensor a, Tensor b) {
            if (a.dtype() == b.dtype() && a.dtype().isFloatingPoint()) return new Pair(a, b, false);
            Tensor ca = a.to(DType.FLOAT64);
            try {
                return new Pair(ca, b.to(DType.FLOAT64), true);
            } catch (RuntimeException e) {
                ca.close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (converted) {
                a.close();
                b.close();
            }
        }
    }
}
