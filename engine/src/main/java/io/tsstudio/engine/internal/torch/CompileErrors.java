package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.CompileException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LibTorch's compile error text ({@code File "<string>", line N} followed by the source context and a caret
 * line {@code ~~~~ <--- HERE}) into a {@link CompileException} with a 1-based line and column.
 */
final class CompileErrors {
    private static final Pattern LINE = Pattern.compile("File \"(<string>|[^\"]*__torch__[^\"]*)\", line (\\d+)");

    private CompileErrors() {
    }

    static CompileException from(String source, RuntimeException e) {
        return from(source, null, e);
    }

    /** {@code generated}: when the source was compiled as a generated archive, maps its lines back to the source. */
    static CompileException from(String source, ScriptArchive.Generated generated, RuntimeException e) {
        String message = Errors.clean(e);
        String[] lines = message.split("\n", -1);
        String shortMessage = "";
        for (String l : lines) {
            if (!l.isBlank()) {
                shortMessage = l.strip();
                break;
            }
        }
        if (shortMessage.endsWith(" here:")) shortMessage = shortMessage.substring(0, shortMessage.length() - 6);
        if (shortMessage.endsWith(":")) shortMessage = shortMessage.substring(0, shortMessage.length() - 1);
        int line = 0;
        int column = 0;
        Matcher m = LINE.matcher(message);
        int fileLineIndex = -1;
        if (m.find()) {
            line = Integer.parseInt(m.group(2));
            int upto = message.substring(0, m.start()).split("\n", -1).length - 1;
            fileLineIndex = upto;
        }
        if (fileLineIndex >= 0) {
            for (int i = fileLineIndex + 1; i < lines.length; i++) {
                String l = lines[i];
                if (l.contains("<--- HERE")) {
                    int tilde = firstMarker(l);
                    if (tilde >= 0) column = tilde + 1;
                    break;
                }
                if (LINE.matcher(l).find()) break;
            }
            if (column == 0 && line > 0) column = 1;
            if (generated != null && line >= 1 && line <= generated.originalLine().length) {
                column = Math.max(1, column - generated.addedColumns()[line - 1]);
                line = generated.originalLine()[line - 1];
            }
        }
        String[] src = source.split("\n", -1);
        if (line > src.length) {
            // Past the end of an unterminated source (its final newline was added for the parser): the error is at the
            // end of input, just after the last character, which is where the editor and the CLI both show it.
            line = src.length;
            column = src[line - 1].length() + 1;
        }
        String sourceLine = "";
        if (line >= 1 && line <= src.length) sourceLine = src[line - 1];
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return new CompileException(where + message, shortMessage, line, column, sourceLine, e);
    }

    private static int firstMarker(String caretLine) {
        for (int i = 0; i < caretLine.length(); i++) {
            char c = caretLine.charAt(i);
            if (c == '~' || c == '^') return i;
        }
        return -1;
    }
}
