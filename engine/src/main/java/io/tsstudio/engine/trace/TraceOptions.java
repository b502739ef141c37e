package io.tsstudio.engine.trace;

/**
 * How to trace.
 *
 * @param strict      as LibTorch's tracer: a dict output is an error and a list output a warning; false allows both
 * @param respectMode for modules' {@code forward}: trace train and eval mode and dispatch on {@code self.training}
 */
public record TraceOptions(boolean strict, boolean respectMode) {
    public static final TraceOptions DEFAULT = new TraceOptions(true, true);

    public TraceOptions withStrict(boolean s) {
        return new TraceOptions(s, respectMode);
    }

    public TraceOptions withRespectMode(boolean r) {
        return new TraceOptions(strict, r);
    }
}
