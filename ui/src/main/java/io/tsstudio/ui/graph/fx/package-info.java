/** JavaFX side of the graph view: one canvas renderer, the minimap, {@link io.tsstudio.ui.graph.fx.GraphPane} and the compare view. */
package io.tsstudio.ui.graph.fx;
