package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;

/** Turns LibTorch's exceptions (c10::Error text plus a C++ backtrace) into messages meant for people. */
public final class Errors {
    private Errors() {
    }

    /** The c10 message without the C++ frame dump that follows "Exception raised from". */
    public static String clean(Throwable e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        int cut = m.indexOf("\nException raised from");
        if (cut < 0) cut = m.indexOf("Exception raised from ");
        if (cut >= 0) m = m.substring(0, cut);
        return m.strip();
    }

    public static TorchException wrap(String context, RuntimeException e) {
        if (e instanceof TorchException te) return te;
        return new TorchException(context + ": " + clean(e), e);
    }
}
