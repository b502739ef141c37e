package io.tsstudio.ui.grapheditor.model;

/** A connection the rules do not allow; the message is the reason shown to the person. */
public final class ConnectionRefusedException extends IllegalArgumentException {
    public ConnectionRefusedException(String reason) {
        super(reason);
    }
}
