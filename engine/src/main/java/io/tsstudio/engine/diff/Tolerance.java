package io.tsstudio.engine.diff;

/**
 * When two outputs count as the same: every element within {@code atol + rtol * |b|} of the other, as
 * {@code torch.allclose} decides (NaN never equal), with its defaults.
 */
public record Tolerance(double rtol, double atol) {
    public static final Tolerance DEFAULT = new Tolerance(1e-5, 1e-8);

    public Tolerance {
        if (!(rtol >= 0) || !(atol >= 0) || Double.isInfinite(rtol) || Double.isInfinite(atol)) {
            throw new IllegalArgumentException("tolerances must be finite and 0 or more (rtol " + rtol + ", atol " + atol + ")");
        }
    }
}
