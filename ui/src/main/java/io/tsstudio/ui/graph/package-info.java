/**
 * The IR graph view. Toolkit-free: the view model ({@link io.tsstudio.ui.graph.GraphViewModel}), grouping and
 * folding ({@link io.tsstudio.ui.graph.GroupBuilder}), ELK layout ({@link io.tsstudio.ui.graph.GroupLayouter}),
 * the positioned scene with its spatial index ({@link io.tsstudio.ui.graph.GraphScene}) and the shared painter
 * ({@link io.tsstudio.ui.graph.ScenePainter}) with its SVG and PNG back ends ({@link io.tsstudio.ui.graph.GraphSvg}).
 * JavaFX: {@code io.tsstudio.ui.graph.fx} (canvas, minimap, {@code GraphPane}, compare view).
 */
package io.tsstudio.ui.graph;
