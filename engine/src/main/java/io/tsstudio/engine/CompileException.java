package io.tsstudio.engine;

/**
 * TorchScript source failed to compile. Line and column are 1-based positions in the compiled source (0 when LibTorch
 * gave no position).
 */
public class CompileException extends TorchException {
    private final int line;
    private final int column;
    private final String shortMessage;
    private final String sourceLine;

    public CompileException(String message, String shortMessage, int line, int column, String sourceLine, Throwable cause) {
        super(message, cause);
        this.shortMessage = shortMessage;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The first line of LibTorch's message, e.g. {@code undefined value foo}. */
    public String shortMessage() {
        return shortMessage;
    }

    /** The source line the error points at, or an empty string. */
    public String sourceLine() {
        return sourceLine;
    }
}
