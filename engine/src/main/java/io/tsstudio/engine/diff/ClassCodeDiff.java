package io.tsstudio.engine.diff;

import java.util.List;

/**
 * The printed code of a class of the first model against its counterpart in the second: the classes of the modules
 * at the same path, or classes of the same name. One side is null for a class only the other model has.
 */
public record ClassCodeDiff(String classA, String classB, List<LineDiff.Line> lines) {
    public ClassCodeDiff {
        lines = List.copyOf(lines);
    }

    public boolean changed() {
        return classA == null || classB == null || LineDiff.changes(lines);
    }

    /** A title for lists: one name, or {@code A → B} when they differ. */
    public String title() {
        if (classA == null) return classB + " (added)";
        if (classB == null) return classA + " (removed)";
        return classA.equals(classB) ? classA : classA + " \u2192 " + classB;
    }
}
