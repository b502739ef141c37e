package io.tsstudio.ui.editor;

/** Line/column arithmetic over plain text (lines and columns 1-based, as compilers report them). */
public final class TextPositions {
    private TextPositions() {
    }

    /** Offset of the first character of 1-based {@code line}; past-the-end lines clamp to the last line. */
    public static int lineStartOffset(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) return lastLineStart(text);
            offset = nl + 1;
        }
        return offset;
    }

    public static int lineEndOffset(String text, int fromOffset) {
        int nl = text.indexOf('\n', Math.min(fromOffset, text.length()));
        return nl < 0 ? text.length() : nl;
    }

    /** 1-based line of an offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** 1-based column of an offset. */
    public static int columnOf(String text, int offset) {
        int o = Math.min(offset, text.length());
        int lineStart = text.lastIndexOf('\n', o - 1) + 1;
        return o - lineStart + 1;
    }

    public static int lineCount(String text) {
        return lineOf(text, text.length());
    }

    private static int lastLineStart(String text) {
        return text.lastIndexOf('\n') + 1;
    }
}
