package io.tsstudio.engine;

import java.util.List;

/** A method's signature: its schema text, its arguments (without {@code self}) and its return type. */
public record MethodInfo(String name, String schema, List<ArgumentInfo> arguments, String returnType) {
    public MethodInfo {
        arguments = List.copyOf(arguments);
    }
}
