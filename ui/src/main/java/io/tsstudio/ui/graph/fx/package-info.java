/**
 * JavaFX side of the graph view: one canvas renderer, the minimap, {@link io.tsstudio.ui.graph.fx.GraphPane} and the
 * compare view. The only graph package that uses JavaFX; depends on {@code model}, {@code layout} and {@code render};
 * {@code app.studio} uses it.
 */
package io.tsstudio.ui.graph.fx;
