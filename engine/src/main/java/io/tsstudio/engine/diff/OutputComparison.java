package io.tsstudio.engine.diff;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.observe.ObservedTensor;
import io.tsstudio.engine.observe.ObservedValue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One observed output against its counterpart: same structure and shapes, how far apart, within tolerance. */
record OutputComparison(boolean shapeChanged, Double maxAbsDiff, boolean diverges, boolean compared) {

    static OutputComparison of(ObservedValue a, ObservedValue b, Tolerance tolerance) {
        List<ObservedTensor> ta = a.tensors(), tb = b.tensors();
        if (ta.size() != tb.size()) return new OutputComparison(true, null, true, true);
        if (ta.isEmpty()) {
            // ints, strings, None: what the run printed is the value
            boolean same = a.type().equals(b.type()) && a.text().equals(b.text());
            return new OutputComparison(!a.type().equals(b.type()), same ? 0.0 : null, !same, true);
        }
        double max = 0;
        boolean diverges = false, compared = true;
        for (int i = 0; i < ta.size(); i++) {
            ObservedTensor x = ta.get(i), y = tb.get(i);
            if (!Arrays.equals(x.shape(), y.shape())) return new OutputComparison(true, null, true, true);
            Optional<Tensor> kx = x.kept(), ky = y.kept();
            if (kx.isEmpty() || ky.isEmpty()) {
                // too large to keep: the statistics are all there is; different ones are a difference for sure
                compared = false;
                if (!statisticsClose(x, y, tolerance)) diverges = true;
                continue;
            }
            double d = TensorDifference.maxAbs(kx.get(), ky.get());
            max = Double.isNaN(d) || Double.isNaN(max) ? Double.NaN : Math.max(max, d);
            // within atol everywhere is close whatever rtol says: only larger differences need allclose's pass
            if (!(d <= tolerance.atol()) && !TensorDifference.close(kx.get(), ky.get(), tolerance)) diverges = true;
        }
        return new OutputComparison(false, compared ? max : null, diverges, compared);
    }

    private static boolean statisticsClose(ObservedTensor x, ObservedTensor y, Tolerance t) {
        return x.nanCount() == y.nanCount() && x.infCount() == y.infCount()
                && near(x.min(), y.min(), t) && near(x.max(), y.max(), t) && near(x.mean(), y.mean(), t);
    }

    private static boolean near(double a, double b, Tolerance t) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
        return Math.abs(a - b) <= t.atol() + t.rtol() * Math.abs(b);
    }
}
