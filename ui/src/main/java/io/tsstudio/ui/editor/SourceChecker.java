package io.tsstudio.ui.editor;

import java.util.List;

/**
 * Checks a source snapshot and returns its problems (empty when it compiles). Called on a worker thread, one
 * snapshot at a time; implementations compile with the real engine.
 */
@FunctionalInterface
public interface SourceChecker {
    List<Diagnostic> check(String source);

    /** A checker for buffers that cannot be compiled (read-only views). */
    SourceChecker NONE = source -> List.of();
}
