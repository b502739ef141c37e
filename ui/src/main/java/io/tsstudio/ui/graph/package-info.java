/**
 * The IR graph view. Toolkit-free: the view model ({@link io.tsstudio.ui.graph.model.GraphViewModel}), grouping and
 * folding ({@link io.tsstudio.ui.graph.model.GroupBuilder}), ELK layout ({@link io.tsstudio.ui.graph.layout.GroupLayouter}),
 * the positioned scene with its spatial index ({@link io.tsstudio.ui.graph.layout.GraphScene}) and the shared painter
 * ({@link io.tsstudio.ui.graph.render.ScenePainter}) with its SVG and PNG back ends ({@link io.tsstudio.ui.graph.render.GraphSvg}).
 * JavaFX: {@code io.tsstudio.ui.graph.fx} (canvas, minimap, {@code GraphPane}, compare view).
 */
package io.tsstudio.ui.graph;
