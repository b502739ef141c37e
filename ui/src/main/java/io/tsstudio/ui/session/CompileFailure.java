package io.tsstudio.ui.session;

import io.tsstudio.ui.editor.Diagnostic;

import java.util.List;

/** Compiling (or recompiling) source failed; the diagnostics say where. */
public final class CompileFailure extends Exception {
    private final transient List<Diagnostic> diagnostics;

    public CompileFailure(String message, List<Diagnostic> diagnostics, Throwable cause) {
        super(message, cause);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
