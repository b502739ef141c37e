package io.tsstudio.engine;

/**
 * A module attribute that is neither a parameter, a buffer nor a submodule. {@code value} is the Java value for
 * scalars, strings and containers of them, else null (tensors, objects).
 */
public record AttributeInfo(String name, String type, Object value) {
}
