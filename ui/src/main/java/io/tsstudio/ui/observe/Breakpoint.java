package io.tsstudio.ui.observe;

/**
 * Where a stepped run pauses: before a graph node ({@code nodeKey}, as {@link ValueKeys#node}), or before the first
 * node of a code line ({@code file} and {@code line} as the IR's source ranges name them: the archive's code file).
 */
public record Breakpoint(String nodeKey, String file, int line) {
    public static Breakpoint node(String nodeKey) {
        return new Breakpoint(nodeKey, null, 0);
    }

    public static Breakpoint line(String file, int line) {
        if (file == null || line < 1) throw new IllegalArgumentException("a line breakpoint needs a file and a line >= 1, got " + file + ":" + line);
        return new Breakpoint(null, file, line);
    }

    public boolean isNode() {
        return nodeKey != null;
    }

    @Override
    public String toString() {
        return isNode() ? nodeKey : file + ":" + line;
    }
}
