package io.tsstudio.ui.editor;

/** What a piece of TorchScript source is, for highlighting. Each kind maps to one CSS style class. */
public enum TokenKind {
    KEYWORD("keyword"),
    BUILTIN("builtin"),
    TYPE("type"),
    DECORATOR("decorator"),
    STRING("string"),
    NUMBER("number"),
    COMMENT("comment"),
    TORCH_CALL("torch-call"),
    SELF("self"),
    FUNCTION_NAME("function-name"),
    BRACKET("bracket"),
    OPERATOR("operator"),
    IDENTIFIER("identifier");

    private final String styleClass;

    TokenKind(String styleClass) {
        this.styleClass = styleClass;
    }

    public String styleClass() {
        return styleClass;
    }
}
