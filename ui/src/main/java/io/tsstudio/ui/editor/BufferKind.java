package io.tsstudio.ui.editor;

/** What an editor buffer holds, which decides how it is checked, saved and compiled. */
public enum BufferKind {
    /** TorchScript source of {@code def} functions (a .py/.ts file or a new script): compiles to a module. */
    SCRIPT,
    /** The code of one class of a loaded module: edited methods are recompiled into that module. */
    MODULE_CODE,
    /** A read-only text view (a torch.save state dict summary, a file that is not TorchScript). */
    READ_ONLY
}
