package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.ErrorText;
import io.tsstudio.engine.TorchException;

/** Turns LibTorch's exceptions (c10::Error text plus a C++ backtrace) into messages meant for people. */
public final class Errors {
    private Errors() {
    }

    /** The c10 message without the C++ frame dump, leading with the actual error (see {@link ErrorText#clean}). */
    public static String clean(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : ErrorText.clean(e.getMessage());
    }

    public static TorchException wrap(String context, RuntimeException e) {
        if (e instanceof TorchException te) return te;
        return new TorchException(context + ": " + clean(e), e);
    }
}
