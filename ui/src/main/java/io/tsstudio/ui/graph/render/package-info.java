/**
 * Drawing a scene: {@link io.tsstudio.ui.graph.render.ScenePainter} paints onto any
 * {@link io.tsstudio.ui.graph.render.Painter} with {@link io.tsstudio.ui.graph.render.GraphStyle}'s colours and level of
 * detail; SVG and Java2D (PNG) painters, and {@link io.tsstudio.ui.graph.render.GraphSvg}, the headless rendering the
 * CLI prints and the view exports. Toolkit-free; depends on {@code layout} and {@code model}; {@code fx} and
 * {@code app.cli} use it.
 */
package io.tsstudio.ui.graph.render;
