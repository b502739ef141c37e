package io.tsstudio.ui.editor;

import java.util.List;

/**
 * A compile problem at a source position: 1-based line and column, {@code length} characters long (at least 1).
 * Offsets are resolved against a text on demand, so a diagnostic stays a plain value.
 */
public record Diagnostic(Severity severity, int line, int column, int length, String message) {
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        line = Math.max(1, line);
        column = Math.max(1, column);
        length = Math.max(1, length);
        message = message == null ? "" : message.strip();
    }

    public static Diagnostic error(int line, int column, int length, String message) {
        return new Diagnostic(Severity.ERROR, line, column, length, message);
    }

    /** The character offset of the start in {@code text}, clamped into the text. */
    public int startOffset(String text) {
        int lineStart = TextPositions.lineStartOffset(text, line);
        int lineEnd = TextPositions.lineEndOffset(text, lineStart);
        return Math.min(lineStart + column - 1, lineEnd);
    }

    /** The end offset (exclusive): at least one character past the start, never past the line's end unless the line is empty. */
    public int endOffset(String text) {
        int start = startOffset(text);
        int lineEnd = TextPositions.lineEndOffset(text, start);
        int end = Math.min(start + length, lineEnd);
        if (end <= start) end = Math.min(start + 1, text.length());
        return end;
    }

    /** {@code 3:7: message}, the form the command line prints too. */
    public String location() {
        return line + ":" + column;
    }

    /** Several diagnostics for a tooltip or popup: {@code location: message}, one per line. */
    public static String messages(List<Diagnostic> list) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : list) sb.append(sb.length() == 0 ? "" : "\n").append(d.location()).append(": ").append(d.message());
        return sb.toString();
    }
}
