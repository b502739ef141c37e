/**
 * JavaFX side of the graph view: one canvas renderer, the minimap, {@link io.tsstudio.ui.graph.fx.GraphPane} and the
 * compare view. The pane is assembled from parts, one job each: toolbar, status line, navigation (keys and camera),
 * context menus, observation overlay (time legend, breakpoints), transform compare and export; its reads and layouts
 * are task-runner jobs on the layout lane ({@code LayoutRequests}, toolkit-free). The only graph package that uses
 * JavaFX; depends on {@code model}, {@code layout}, {@code render} and {@code ui.concurrent}; {@code app.studio} uses it.
 */
package io.tsstudio.ui.graph.fx;
