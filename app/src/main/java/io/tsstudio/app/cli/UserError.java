package io.tsstudio.app.cli;

/** A mistake the user can fix (a missing file, a bad option value): exit status 2 with this message. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
