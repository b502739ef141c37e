package io.tsstudio.ui.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits TorchScript (Python syntax) into tokens for highlighting. A hand-written scanner rather than regular
 * expressions: one pass, no backtracking, so a 2,000-line file lexes in a few milliseconds. Unknown characters are
 * skipped (they get no style); an unterminated string runs to the end of its line (or of the text, if triple-quoted).
 */
public final class TorchScriptLexer {
    private TorchScriptLexer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(text.length() / 4 + 8);
        int n = text.length();
        int i = 0;
        boolean afterDef = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#') {
                int end = lineEnd(text, i);
                out.add(new Token(TokenKind.COMMENT, i, end));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = stringEnd(text, i);
                out.add(new Token(TokenKind.STRING, i, end));
                i = end;
            } else if (isPrefixedString(text, i)) {
                int end = stringEnd(text, i + 1);
                out.add(new Token(TokenKind.STRING, i, end));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                int end = numberEnd(text, i);
                out.add(new Token(TokenKind.NUMBER, i, end));
                i = end;
            } else if (c == '@' && (i == 0 || isLineStartBefore(text, i))) {
                int end = i + 1;
                while (end < n && (Character.isJavaIdentifierPart(text.charAt(end)) || text.charAt(end) == '.')) end++;
                out.add(new Token(TokenKind.DECORATOR, i, end));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = identifierEnd(text, i);
                String word = text.substring(i, end);
                if (afterDef) {
                    out.add(new Token(TokenKind.FUNCTION_NAME, i, end));
                    afterDef = false;
                } else if ((word.equals("torch") || word.equals("F")) && end < n && text.charAt(end) == '.') {
                    int dotted = end + 1;
                    while (dotted < n && (Character.isJavaIdentifierPart(text.charAt(dotted)) || text.charAt(dotted) == '.')) dotted++;
                    out.add(new Token(TokenKind.TORCH_CALL, i, dotted));
                    end = dotted;
                } else if (word.equals("aten") && text.startsWith("::", end)) {
                    int dotted = identifierEnd(text, end + 2);
                    out.add(new Token(TokenKind.TORCH_CALL, i, dotted));
                    end = dotted;
                } else if (word.equals("self")) {
                    out.add(new Token(TokenKind.SELF, i, end));
                } else if (TorchScriptLanguage.KEYWORDS.contains(word)) {
                    out.add(new Token(TokenKind.KEYWORD, i, end));
                    afterDef = word.equals("def") || word.equals("class");
                } else if (TorchScriptLanguage.TYPE_SET.contains(word) && !followedByCall(text, end)) {
                    out.add(new Token(TokenKind.TYPE, i, end));
                } else if (TorchScriptLanguage.BUILTINS.contains(word)) {
                    out.add(new Token(TokenKind.BUILTIN, i, end));
                } else if (TorchScriptLanguage.TYPE_SET.contains(word)) {
                    out.add(new Token(TokenKind.TYPE, i, end));
                }
                i = end;
            } else if ("()[]{}".indexOf(c) >= 0) {
                out.add(new Token(TokenKind.BRACKET, i, i + 1));
                i++;
            } else if ("+-*/%=<>!&|^~:".indexOf(c) >= 0) {
                int end = i + 1;
                while (end < n && "=<>*/".indexOf(text.charAt(end)) >= 0 && end - i < 3) end++;
                out.add(new Token(TokenKind.OPERATOR, i, end));
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    static int identifierEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) i++;
        return i;
    }

    private static boolean followedByCall(String text, int end) {
        return end < text.length() && text.charAt(end) == '(';
    }

    private static boolean isLineStartBefore(String text, int i) {
        for (int k = i - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '\n') return true;
            if (c != ' ' && c != '\t') return false;
        }
        return true;
    }

    private static boolean isPrefixedString(String text, int i) {
        if (i + 1 >= text.length()) return false;
        char c = Character.toLowerCase(text.charAt(i));
        char q = text.charAt(i + 1);
        if (c != 'r' && c != 'f' && c != 'b' && c != 'u') return false;
        if (q != '"' && q != '\'') return false;
        return i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1));
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    private static int stringEnd(String text, int quoteAt) {
        char q = text.charAt(quoteAt);
        int n = text.length();
        if (quoteAt + 2 < n && text.charAt(quoteAt + 1) == q && text.charAt(quoteAt + 2) == q) {
            String triple = String.valueOf(q).repeat(3);
            int close = text.indexOf(triple, quoteAt + 3);
            return close < 0 ? n : close + 3;
        }
        int i = quoteAt + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == q) return i + 1;
            if (c == '\n') return i;
            i++;
        }
        return n;
    }

    private static int numberEnd(String text, int from) {
        int i = from;
        int n = text.length();
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            i += 2;
            while (i < n && Character.digit(text.charAt(i), 16) >= 0) i++;
            return i;
        }
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '.' || c == '_') {
                i++;
            } else if ((c == 'e' || c == 'E') && i + 1 < n) {
                i++;
                if (text.charAt(i) == '+' || text.charAt(i) == '-') i++;
            } else {
                break;
            }
        }
        if (i < n && (text.charAt(i) == 'j' || text.charAt(i) == 'J')) i++;
        return i;
    }
}
