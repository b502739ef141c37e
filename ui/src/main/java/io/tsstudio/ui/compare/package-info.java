/**
 * Comparing two models in the studio: the toolkit-free state of a comparison (differences listed, module marks for
 * the two graphs, the first divergence) over the engine's {@link io.tsstudio.engine.diff.ModelDiff}. The view is
 * {@code ui.graph.fx.GraphCompareView}, which shows both graphs side by side.
 */
package io.tsstudio.ui.compare;
