package io.tsstudio.ui.grapheditor.model;

import java.util.List;

/** The graph cannot become code yet; {@link #issues()} lists why, block by block. */
public final class IncompleteGraphException extends IllegalStateException {
    private final List<String> issues;

    public IncompleteGraphException(List<String> issues) {
        super("the graph is not complete:\n  " + String.join("\n  ", issues));
        this.issues = List.copyOf(issues);
    }

    public List<String> issues() {
        return issues;
    }
}
