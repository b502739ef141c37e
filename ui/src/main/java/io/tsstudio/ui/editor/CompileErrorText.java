package io.tsstudio.ui.editor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a LibTorch compile error message: the first line is the reason, {@code File "<string>", line N} names the
 * line and the caret line ({@code ~~~~ <--- HERE}) marks the columns. Used to widen a diagnostic to the exact
 * underlined range the compiler printed.
 */
public final class CompileErrorText {
    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final Pattern MARKER = Pattern.compile("^(\\s*)([~^]+)\\s*(<--- HERE)?\\s*$");

    private CompileErrorText() {
    }

    /** The diagnostic LibTorch's message describes, if it names a line. */
    public static Optional<Diagnostic> parse(String message) {
        if (message == null) return Optional.empty();
        String[] lines = message.split("\\R");
        int line = -1;
        int fileLineIndex = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("File \"") || lines[i].trim().startsWith("File ")) {
                Matcher m = LINE.matcher(lines[i]);
                if (m.find()) {
                    line = Integer.parseInt(m.group(1));
                    fileLineIndex = i;
                }
            }
        }
        if (line < 0) return Optional.empty();
        int column = 1;
        int length = 1;
        for (int i = fileLineIndex + 1; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.matches()) {
                column = m.group(1).length() + 1;
                length = m.group(2).length();
                break;
            }
        }
        return Optional.of(Diagnostic.error(line, column, length, shortMessage(message)));
    }

    /** The reason without the source excerpt: the text before the {@code File "..."} line, trimmed. */
    public static String shortMessage(String message) {
        StringBuilder out = new StringBuilder();
        for (String l : message.split("\\R")) {
            if (l.trim().startsWith("File \"") || l.contains("Serialized   File")) break;
            if (l.trim().startsWith("'") && l.contains("is being compiled since it was called from")) break;
            if (!l.isBlank()) out.append(out.length() == 0 ? "" : " ").append(l.strip());
        }
        String s = out.toString();
        if (s.endsWith(":")) s = s.substring(0, s.length() - 1);
        return s.isEmpty() ? message.strip() : s;
    }
}
