package io.tsstudio.ui.graph.model;

/** What a drawn node stands for. Containers (module calls, control flow, branches, sections) can be expanded. */
public enum NodeKind {
    OPERATOR, CONSTANT, INPUT, OUTPUT, MODULE, CONTROL, BRANCH, SECTION, ERROR;

    public boolean isContainer() {
        return this == MODULE || this == CONTROL || this == BRANCH || this == SECTION;
    }
}
