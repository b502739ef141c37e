package io.tsstudio.ui.editor;

/**
 * One completion proposal: what the list shows ({@code label}), the detail line (a schema, a type), and the text that
 * replaces the typed prefix.
 */
public record CompletionItem(Kind kind, String label, String detail, String insertText) {
    public enum Kind { OPERATOR, TYPE, KEYWORD, BUILTIN, MEMBER, METHOD }
}
