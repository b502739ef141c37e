package io.tsstudio.engine;

/**
 * LibTorch's error texts made readable, in one place for the engine, the CLI and the studio: c10 messages carry a C++
 * backtrace after "Exception raised from", and a TorchScript interpreter failure puts the actual error
 * ("RuntimeError: mat1 and mat2 shapes cannot be multiplied ...") after a long traceback.
 */
public final class ErrorText {
    static final String INTERPRETER = "The following operation failed in the TorchScript interpreter.";

    private ErrorText() {
    }

    /** Without the C++ backtrace; an interpreter failure leads with the actual error, its traceback after. */
    public static String clean(String message) {
        if (message == null || message.isBlank()) return "(no message)";
        String m = message;
        int cut = m.indexOf("\nException raised from");
        if (cut < 0) cut = m.indexOf("Exception raised from ");
        if (cut >= 0) m = m.substring(0, cut);
        return headlineFirst(m.strip());
    }

    /** One line for a terminal: the actual error and, for an interpreter failure, where in TorchScript it happened. */
    public static String oneLine(String message) {
        String m = clean(message);
        int interp = m.indexOf(INTERPRETER);
        if (interp < 0) return m;
        String head = m.substring(0, interp).strip();
        String body = m.substring(interp);
        String location = lastTracebackLocation(body);
        String cause = head.isEmpty() ? lastLine(body) : head;
        return cause + (location.isEmpty() ? "" : " (at " + location + ")");
    }

    /** People read the first line, so the actual error goes first and the traceback follows. */
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

    /** {@code File "code/__torch__.py", line 12, in forward} -> {@code code/__torch__.py:12 in forward}. */
    private static String lastTracebackLocation(String body) {
        String found = "";
        for (String line : body.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("File \"")) continue;
            int q = l.indexOf('"', 6);
            int lineAt = l.indexOf(", line ", q);
            if (q < 0 || lineAt < 0) continue;
            String rest = l.substring(lineAt + 7);
            int comma = rest.indexOf(',');
            String lineNo = comma < 0 ? rest : rest.substring(0, comma);
            String in = comma < 0 ? "" : rest.substring(comma + 1).strip();
            found = l.substring(6, q) + ":" + lineNo.strip() + (in.isEmpty() ? "" : " " + in);
        }
        return found;
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
