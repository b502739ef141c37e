/**
 * Positions for the drawn groups: {@link io.tsstudio.ui.graph.layout.GraphLayoutEngine} lays out what is visible,
 * bottom-up with a per-group cache; {@link io.tsstudio.ui.graph.layout.GroupLayouter} picks a stacked chain, ELK Layered
 * or the near-linear sweep layout; the result is an immutable {@link io.tsstudio.ui.graph.layout.GraphScene} with a
 * grid index for culling and picking. Toolkit-free; depends on {@code model} only; {@code render} and {@code fx} use
 * it.
 */
package io.tsstudio.ui.graph.layout;
