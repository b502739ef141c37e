package io.tsstudio.ui.graph.layout;

/** Hears how far a layout is: nodes laid out so far out of the nodes that need it. */
@FunctionalInterface
public interface LayoutProgress {
    void update(int done, int total);

    static LayoutProgress none() {
        return (d, t) -> {
        };
    }
}
