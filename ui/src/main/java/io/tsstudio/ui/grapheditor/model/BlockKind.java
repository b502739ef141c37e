package io.tsstudio.ui.grapheditor.model;

/** What a block stands for in the generated module. */
public enum BlockKind {
    /** A forward argument. */
    INPUT,
    /** A returned value; several outputs return a tuple in block order. */
    OUTPUT,
    /** A literal (int, float, bool, str, list, None). */
    CONSTANT,
    /** An nn module (Linear, Conv2d, ...): becomes a registered submodule with its parameters. */
    MODULE,
    /** A LibTorch registry operator, typed by its schema. */
    OPERATOR
}
