package io.tsstudio.engine.ir;

/**
 * What a call node invokes.
 *
 * @param submodulePath dotted attribute path from the graph's {@code self} to the called module ({@code layers.0.fc}),
 *                      empty for calls on self or for functions
 * @param className     qualified class of the callee module, or the function's qualified name
 * @param method        method or function name
 */
public record IrCall(String submodulePath, String className, String method) {
}
