package io.tsstudio.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick fixes for diagnostics. Today one: without Python, TorchScript cannot call a submodule as {@code self.sub(x)}
 * ("object has no attribute or method '__call__'"); the fix rewrites the call on that line as
 * {@code self.sub.forward(x)}.
 */
public record QuickFix(String title, int start, int end, String replacement) {
    private static final Pattern SUBMODULE_CALL = Pattern.compile("\\bself((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)\\s*\\(");

    /** The fixes that apply to {@code d} in {@code text}; applying them in reverse order keeps offsets valid. */
    public static List<QuickFix> forDiagnostic(String text, Diagnostic d) {
        List<QuickFix> fixes = new ArrayList<>();
        if (!d.message().contains("__call__") && !d.message().contains("is not callable")) return fixes;
        int lineStart = TextPositions.lineStartOffset(text, d.line());
        int lineEnd = TextPositions.lineEndOffset(text, lineStart);
        Matcher m = SUBMODULE_CALL.matcher(text);
        m.region(lineStart, lineEnd);
        while (m.find()) {
            String path = m.group(1);
            if (path.endsWith(".forward")) continue;
            int insertAt = m.end(1);
            fixes.add(new QuickFix("Call submodule as self" + path + ".forward(...)", insertAt, insertAt, ".forward"));
        }
        return fixes;
    }

    public String applyTo(String text) {
        return text.substring(0, start) + replacement + text.substring(end);
    }
}
