package io.tsstudio.ui.observe;

/** What the debugger does from a pause. */
public enum StepKind {
    /** The next node at this call depth or above (a submodule call runs whole). */
    OVER("over"),
    /** The next node, inside a submodule call when the paused node is one. */
    INTO("into"),
    /** The next node after the current submodule call returns. */
    OUT("out"),
    /** Runs to the next breakpoint, or to the end. */
    CONTINUE("continue");

    private final String wire;

    StepKind(String wire) {
        this.wire = wire;
    }

    /** The name the worker protocol uses. */
    public String wire() {
        return wire;
    }
}
