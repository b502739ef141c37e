package io.tsstudio.app.worker;

/** A run failed in the worker, or the worker itself died; the message is meant for the user as it is. */
public class WorkerException extends RuntimeException {
    /** What kind of failure, so the UI can word and colour it. */
    public enum Kind { ERROR, OUT_OF_MEMORY, CRASHED }

    private final Kind kind;

    public WorkerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
