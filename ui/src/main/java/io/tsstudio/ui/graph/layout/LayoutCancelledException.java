package io.tsstudio.ui.graph.layout;

/** Thrown out of a layout the user cancelled. */
public final class LayoutCancelledException extends RuntimeException {
    public LayoutCancelledException() {
        super("layout cancelled");
    }
}
