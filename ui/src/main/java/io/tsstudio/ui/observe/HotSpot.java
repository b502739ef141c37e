package io.tsstudio.ui.observe;

/**
 * One row of the hot-spots table: a module (over all its calls) or an operator node.
 *
 * @param module     true for a module row
 * @param name       the module path ({@code layer1.0}, {@code (root)}) or the operator ({@code aten::conv2d})
 * @param where      the module's class, or the module path the operator ran in
 * @param target     the node key to jump to: the operator itself, or the first node that ran inside the module
 */
public record HotSpot(boolean module, String name, String where, long calls, long selfNanos, long totalNanos, String target) {
}
