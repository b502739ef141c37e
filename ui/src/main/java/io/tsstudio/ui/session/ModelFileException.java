package io.tsstudio.ui.session;

/** A file the studio cannot open as a model, with a message that says what it is and what was expected. */
public final class ModelFileException extends Exception {
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelFileException(String message) {
        super(message);
    }
}
