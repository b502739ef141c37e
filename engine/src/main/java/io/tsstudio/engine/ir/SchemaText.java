package io.tsstudio.engine.ir;

import io.tsstudio.engine.types.ParsedSchema;

import java.util.List;

/**
 * Reads pieces out of a schema's text, e.g. {@code aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor}.
 * The schema grammar lives in {@link ParsedSchema}; this keeps the lenient readers the IR view needs under their old names.
 */
public final class SchemaText {
    private SchemaText() {
    }

    /** The argument names in order ({@code self, other, alpha}); empty when the text has no argument list. */
    public static List<String> argumentNames(String schema) {
        return ParsedSchema.argumentNames(schema);
    }

    /** The argument declarations as written ({@code Tensor self}, {@code Scalar alpha=1}), the {@code *} marker dropped. */
    public static List<String> arguments(String schema) {
        return ParsedSchema.argumentTexts(schema);
    }
}
