package io.tsstudio.engine.types;

import java.util.List;

/**
 * The schema of one registry operator overload, e.g. {@code aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor}.
 *
 * @param name      qualified name, {@code aten::add}
 * @param overload  overload name, {@code Tensor}; empty for the default overload
 * @param schema    the whole schema as text
 * @param arguments declared arguments in order
 * @param returns   declared returns in order
 */
public record OpSchema(String name, String overload, String schema, List<OpArgument> arguments, List<OpArgument> returns) {
    public OpSchema {
        arguments = List.copyOf(arguments);
        returns = List.copyOf(returns);
    }

    /** The schema read by the one schema parser, with typed arguments ({@link TypeRef}s). */
    public ParsedSchema parsed() {
        return ParsedSchema.parse(schema);
    }

    /** {@code name.overload}, or just the name for the default overload. */
    public String fullName() {
        return overload.isEmpty() ? name : name + "." + overload;
    }

    @Override
    public String toString() {
        return schema;
    }
}
