package io.tsstudio.engine.export.triton;

/**
 * An export the user can fix or that Triton cannot serve: a type Triton's libtorch backend cannot pass (List, str,
 * Optional, a Dict output...), a missing shape, a bad name. The message names the argument or output.
 */
public class TritonExportException extends RuntimeException {
    public TritonExportException(String message) {
        super(message);
    }

    public TritonExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
