package io.tsstudio.app.cli;

/** Shortens LibTorch's error texts (interpreter tracebacks, C++ backtraces) to what a user acts on. */
final class Messages {
    private static final String INTERPRETER = "The following operation failed in the TorchScript interpreter.";

    private Messages() {
    }

    static String clean(String message) {
        if (message == null || message.isBlank()) return "failed (no message)";
        String m = message.strip();
        int backtrace = m.indexOf("\nException raised from ");
        if (backtrace >= 0) m = m.substring(0, backtrace).strip();
        int interp = m.indexOf(INTERPRETER);
        if (interp >= 0) {
            String head = m.substring(0, interp).strip();
            String body = m.substring(interp);
            String location = lastTracebackLocation(body);
            int error = body.lastIndexOf("\nRuntimeError: ");
            String cause = error >= 0 ? body.substring(error + "\nRuntimeError: ".length()).strip() : lastLine(body);
            m = (head.isEmpty() ? "" : head + " ") + cause + (location.isEmpty() ? "" : " (at " + location + ")");
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
