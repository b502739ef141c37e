package io.tsstudio.engine.observe;

/**
 * One call of a submodule, in execution order: what the model diff matches by path and call order.
 *
 * @param path   submodule path; the root is {@code ""}
 * @param method the method called
 * @param index  0 for the first call of this path, 1 for the second, ...
 * @param output what this call returned (tensors kept under the caller's budget)
 */
public record ModuleCall(String path, String method, int index, ObservedValue output) {
}
