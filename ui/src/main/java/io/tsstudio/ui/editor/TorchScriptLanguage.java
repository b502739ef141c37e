package io.tsstudio.ui.editor;

import java.util.List;
import java.util.Set;

/** The vocabulary of TorchScript that the editor knows without asking LibTorch. */
public final class TorchScriptLanguage {
    public static final Set<String> KEYWORDS = Set.of(
            "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else", "except", "False",
            "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "None", "nonlocal", "not",
            "or", "pass", "raise", "return", "True", "try", "while", "with", "yield");

    public static final Set<String> BUILTINS = Set.of(
            "abs", "all", "any", "bool", "chr", "divmod", "enumerate", "float", "getattr", "hasattr", "hash", "hex",
            "int", "isinstance", "len", "list", "max", "min", "oct", "ord", "pow", "print", "range", "round",
            "sorted", "str", "sum", "tuple", "zip", "super", "annotate", "unchecked_cast");

    /** TorchScript's type names, offered by completion and highlighted as types. */
    public static final List<String> TYPES = List.of(
            "Tensor", "int", "float", "bool", "str", "complex", "None", "Any",
            "List", "Dict", "Tuple", "Optional", "Union", "NamedTuple", "Future", "Device", "Stream",
            "Final", "number", "Scalar", "ScalarType", "Layout", "MemoryFormat", "Generator", "Storage");

    public static final Set<String> TYPE_SET = Set.copyOf(TYPES);

    private TorchScriptLanguage() {
    }
}
