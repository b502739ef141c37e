package io.tsstudio.ui.editor;

import java.util.OptionalInt;

/** Finds the bracket matching the one at an offset, skipping brackets inside strings and comments. */
public final class BracketMatcher {
    private static final String OPEN = "([{";
    private static final String CLOSE = ")]}";

    private BracketMatcher() {
    }

    /** The bracket next to the caret: the one just before it, else the one at it. */
    public static OptionalInt bracketNear(String text, int caret) {
        if (caret > 0 && caret <= text.length() && isBracket(text.charAt(caret - 1))) return OptionalInt.of(caret - 1);
        if (caret >= 0 && caret < text.length() && isBracket(text.charAt(caret))) return OptionalInt.of(caret);
        return OptionalInt.empty();
    }

    public static OptionalInt findMatch(String text, int at) {
        if (at < 0 || at >= text.length()) return OptionalInt.empty();
        char c = text.charAt(at);
        int open = OPEN.indexOf(c);
        int close = CLOSE.indexOf(c);
        if (open < 0 && close < 0) return OptionalInt.empty();
        boolean[] code = codeMask(text);
        if (!code[at]) return OptionalInt.empty();
        char self = c;
        char other = open >= 0 ? CLOSE.charAt(open) : OPEN.charAt(close);
        int step = open >= 0 ? 1 : -1;
        int depth = 0;
        for (int i = at; i >= 0 && i < text.length(); i += step) {
            if (!code[i]) continue;
            char x = text.charAt(i);
            if (x == self) depth++;
            else if (x == other && --depth == 0) return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }

    private static boolean isBracket(char c) {
        return OPEN.indexOf(c) >= 0 || CLOSE.indexOf(c) >= 0;
    }

    /** true where a character is code (not inside a string or a comment). */
    private static boolean[] codeMask(String text) {
        boolean[] mask = new boolean[text.length()];
        java.util.Arrays.fill(mask, true);
        for (Token t : TorchScriptLexer.tokenize(text)) {
            if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.COMMENT) {
                for (int i = t.start(); i < t.end(); i++) mask[i] = false;
            }
        }
        return mask;
    }
}
