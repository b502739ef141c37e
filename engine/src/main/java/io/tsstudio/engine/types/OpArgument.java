package io.tsstudio.engine.types;

/**
 * One argument or return of a registry operator, as its schema declares it.
 *
 * @param name         the argument name ({@code self}, {@code dim}, ...); empty for most returns
 * @param type         the TorchScript type as the schema writes it ({@code Tensor}, {@code int[]}, {@code ScalarType?})
 * @param kind         LibTorch's type kind ({@code TensorType}, {@code IntType}, {@code OptionalType}, ...)
 * @param defaultValue the default as text, or null when the argument is required
 * @param kwargOnly    declared after {@code *} in the schema
 */
public record OpArgument(String name, String type, String kind, String defaultValue, boolean kwargOnly) {
    /** The declared type read by the one type parser. */
    public TypeRef typeRef() {
        return TypeRef.parse(type);
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
