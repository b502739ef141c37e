package io.tsstudio.engine;

import java.util.List;

/** A compiled function's signature. */
public record FunctionInfo(String name, String schema, List<ArgumentInfo> arguments, String returnType) {
    public FunctionInfo {
        arguments = List.copyOf(arguments);
    }

    public static FunctionInfo of(MethodInfo m) {
        return new FunctionInfo(m.name(), m.schema(), m.arguments(), m.returnType());
    }
}
