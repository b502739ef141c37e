package io.tsstudio.ui.problems;

import io.tsstudio.ui.editor.Diagnostic;

/** A diagnostic of one editor buffer, as the problems list shows it. */
public record Problem(String bufferId, String bufferName, Diagnostic diagnostic) {
    public String location() {
        return bufferName + ":" + diagnostic.line() + ":" + diagnostic.column();
    }
}
