package io.tsstudio.ui.session;

/**
 * Ids of the main window's dock slots that other components plug into (the graph view and the run panel are built
 * by their own packages; the window only reserves their place).
 */
public final class DockSlots {
    /** The graph view: {@code MainWindow.setGraphView(Node)}. */
    public static final String GRAPH = "graph";
    /** The run panel: {@code MainWindow.setRunPanel(Node)}. */
    public static final String RUN = "run";

    private DockSlots() {
    }
}
