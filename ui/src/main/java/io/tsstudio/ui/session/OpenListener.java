package io.tsstudio.ui.session;

import io.tsstudio.engine.ScriptModule;

/**
 * Hears a file being opened, on the opening thread, so a big model shows as it is read: its graph as soon as LibTorch
 * has loaded it, then its inspector tree and code. The open checks {@link #cancelled()} between steps and stops with a
 * {@link java.util.concurrent.CancellationException}, closing what it loaded.
 */
public interface OpenListener {
    OpenListener NONE = new OpenListener() {
    };

    /** LibTorch has loaded the module; its summary and code are read next. It stays open unless the open fails. */
    default void loaded(ScriptModule module) {
    }

    /** What is being done, and how far ({@code fraction} in [0, 1], or -1 when unknown). */
    default void progress(String stage, double fraction) {
    }

    default boolean cancelled() {
        return false;
    }
}
