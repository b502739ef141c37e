package io.tsstudio.engine;

/** Any failure reported by LibTorch or by the engine, with a message meant for the user. */
public class TorchException extends RuntimeException {
    public TorchException(String message) {
        super(message);
    }

    public TorchException(String message, Throwable cause) {
        super(message, cause);
    }
}
