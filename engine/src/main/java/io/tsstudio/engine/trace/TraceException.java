package io.tsstudio.engine.trace;

import io.tsstudio.engine.TorchException;

/** Tracing failed: the traced code threw a checked exception (kept as the cause) or broke a tracing rule. */
public class TraceException extends TorchException {
    public TraceException(String message) {
        super(message);
    }

    public TraceException(String message, Throwable cause) {
        super(message, cause);
    }
}
