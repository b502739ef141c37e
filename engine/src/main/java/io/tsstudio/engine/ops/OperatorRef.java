package io.tsstudio.engine.ops;

/** An operator a model's code calls, {@code namespace::name}, as written {@code ops.namespace.name(...)}. */
public record OperatorRef(String namespace, String name) implements Comparable<OperatorRef> {
    public String qualified() {
        return namespace + "::" + name;
    }

    /** The library that registers the namespace (PyTorch's convention: the namespace is the library's name). */
    public String library() {
        return namespace;
    }

    /** The sentence the studio's banner and the CLI show. */
    public String needsText() {
        return "needs operator `" + qualified() + "` (from library " + library() + ")";
    }

    @Override
    public int compareTo(OperatorRef o) {
        return qualified().compareTo(o.qualified());
    }

    @Override
    public String toString() {
        return qualified();
    }
}
