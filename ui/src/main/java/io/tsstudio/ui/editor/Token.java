package io.tsstudio.ui.editor;

/** A token of source text: its kind and the half-open character range {@code [start, end)}. */
public record Token(TokenKind kind, int start, int end) {
    public int length() {
        return end - start;
    }
}
