package io.tsstudio.ui.editor;

/**
 * What the user is completing at the caret: a qualifier ({@code torch}, {@code aten}, {@code self}, {@code self.fc},
 * or empty) and the partial name typed after it. {@code replaceFrom} is where the partial name starts.
 */
public record CompletionContext(String qualifier, String prefix, int replaceFrom) {
    /** Reads the context backwards from {@code caret} in {@code text}. */
    public static CompletionContext at(String text, int caret) {
        int c = Math.min(caret, text.length());
        int start = c;
        while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) start--;
        String prefix = text.substring(start, c);
        int q = start;
        String qualifier = "";
        if (q >= 2 && text.startsWith("::", q - 2)) {
            int qs = q - 2;
            while (qs > 0 && Character.isJavaIdentifierPart(text.charAt(qs - 1))) qs--;
            qualifier = text.substring(qs, q - 2) + "::";
        } else if (q >= 1 && text.charAt(q - 1) == '.') {
            int qs = q - 1;
            while (qs > 0 && (Character.isJavaIdentifierPart(text.charAt(qs - 1)) || text.charAt(qs - 1) == '.')) qs--;
            qualifier = text.substring(qs, q - 1);
        }
        return new CompletionContext(qualifier, prefix, start);
    }

    /** Whether typing the character just before {@code caret} should open the popup by itself. */
    public static boolean triggersAutomatically(String text, int caret) {
        if (caret <= 0 || caret > text.length()) return false;
        char last = text.charAt(caret - 1);
        if (last == '.') {
            CompletionContext ctx = at(text, caret);
            return ctx.qualifier().equals("torch") || ctx.qualifier().startsWith("self") || ctx.qualifier().equals("F");
        }
        return last == ':' && caret >= 6 && text.startsWith("aten::", caret - 6);
    }
}
