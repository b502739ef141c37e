package io.tsstudio.ui.editor;

/** Python-style indentation for a new line: keep the current indent, add a level after a line ending in ':'. */
public final class AutoIndent {
    public static final String UNIT = "    ";

    private AutoIndent() {
    }

    /** The indentation to insert after a line break typed at {@code caret}. */
    public static String indentAfterBreak(String text, int caret) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, caret - 1)) + 1;
        if (caret == 0) lineStart = 0;
        String before = text.substring(lineStart, caret);
        int i = 0;
        while (i < before.length() && (before.charAt(i) == ' ' || before.charAt(i) == '\t')) i++;
        String indent = before.substring(0, i);
        String code = stripComment(before).stripTrailing();
        if (code.endsWith(":")) return indent + UNIT;
        String trimmed = code.strip();
        if (isDedentingStatement(trimmed) && indent.length() >= UNIT.length()) {
            return indent.substring(0, indent.length() - UNIT.length());
        }
        return indent;
    }

    private static boolean isDedentingStatement(String line) {
        return line.equals("pass") || line.equals("break") || line.equals("continue")
                || line.startsWith("return ") || line.equals("return") || line.startsWith("raise ");
    }

    private static String stripComment(String line) {
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == quote) inString = false;
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
