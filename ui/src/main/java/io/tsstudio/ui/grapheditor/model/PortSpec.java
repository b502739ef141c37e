package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;

import java.util.Optional;

/**
 * A typed port of a block.
 *
 * @param name         argument or return name
 * @param type         the port's type
 * @param defaultValue default text from the schema ({@code None}, {@code 1}); empty when the input is required
 * @param kwargOnly    keyword-only schema argument
 */
public record PortSpec(String name, TypeRef type, Optional<String> defaultValue, boolean kwargOnly) {
    public static PortSpec required(String name, TypeRef type) {
        return new PortSpec(name, type, Optional.empty(), false);
    }

    public boolean hasDefault() {
        return defaultValue.isPresent();
    }
}
