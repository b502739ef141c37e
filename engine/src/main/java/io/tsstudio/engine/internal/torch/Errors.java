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
        return headlineFirst(m.strip());
    }

    /**
     * A TorchScript interpreter failure puts the actual error ("RuntimeError: mat1 and mat2 shapes cannot be
     * multiplied ...") after a long traceback; people read the first line, so it goes first and the traceback follows.
     */
    static String headlineFirst(String m) {
        if (!m.contains("Traceback of TorchScript")) return m;
        String[] lines = m.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.matches("^[A-Za-z_.]*(Error|Exception): .*")) {
                String headline = line.substring(line.indexOf(": ") + 2);
                StringBuilder rest = new StringBuilder();
                for (int j = 0; j < lines.length; j++) if (j != i) rest.append(lines[j]).append('\n');
                return headline + "\n\n" + rest.toString().strip();
            }
        }
        return m;
    }

    public static TorchException wrap(String context, RuntimeException e) {
        if (e instanceof TorchException te) return te;
        return new TorchException(context + ": " + clean(e), e);
    }
}
