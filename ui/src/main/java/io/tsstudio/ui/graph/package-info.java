/**
 * The IR graph view, in four packages. {@code model} (what is drawn, built from IR, and the view's state,
 * {@link io.tsstudio.ui.graph.model.GraphViewModel}), {@code layout} ({@link io.tsstudio.ui.graph.layout.GroupLayouter},
 * the positioned {@link io.tsstudio.ui.graph.layout.GraphScene}) and {@code render}
 * ({@link io.tsstudio.ui.graph.render.ScenePainter}, {@link io.tsstudio.ui.graph.render.GraphSvg}) are toolkit-free, so
 * {@code tsstudio graph --format svg} uses them headless; {@code fx} is the JavaFX view. Dependencies run one way:
 * render on layout on model, and fx on all three (GraphArchitectureTest keeps JavaFX in fx).
 */
package io.tsstudio.ui.graph;
