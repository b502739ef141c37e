package io.tsstudio.ui.observe;

/**
 * Names for observed things that both processes and the graph view agree on. A graph scope is a module path and a
 * method ({@code layer1.0#forward}, the root {@code #forward}): the same text the graph view's group paths and node ids
 * start with, so a drawn node or edge finds its record without a table.
 */
public final class ValueKeys {
    private ValueKeys() {
    }

    public static String scope(String module, String method) {
        return module + "#" + method;
    }

    /** A value of one graph: {@code layer1#forward|v12}. */
    public static String value(String module, String method, String valueId) {
        return scope(module, method) + "|" + valueId;
    }

    /** A node of one graph: {@code layer1#forward/n7}, the graph view's node id for it. */
    public static String node(String module, String method, String nodeId) {
        return scope(module, method) + "/" + nodeId;
    }

    /** The scope ({@code module#method}) a graph view group path or node id starts with. */
    public static String scopeOf(String groupPathOrNodeId) {
        int slash = groupPathOrNodeId.indexOf('/');
        return slash < 0 ? groupPathOrNodeId : groupPathOrNodeId.substring(0, slash);
    }

    /** The module path of a scope ({@code layer1} of {@code layer1#forward}). */
    public static String moduleOf(String scope) {
        int hash = scope.indexOf('#');
        return hash < 0 ? scope : scope.substring(0, hash);
    }

    public static String methodOf(String scope) {
        int hash = scope.indexOf('#');
        return hash < 0 ? "" : scope.substring(hash + 1);
    }
}
