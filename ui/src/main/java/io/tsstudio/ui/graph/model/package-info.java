/**
 * What the graph view draws and the view's state, toolkit-free: {@link io.tsstudio.ui.graph.model.GroupBuilder} turns
 * IR graphs into {@link io.tsstudio.ui.graph.model.GraphGroup}s of nodes and edges (constants folded, submodule calls as
 * collapsed containers loaded on demand, big groups in sections); {@link io.tsstudio.ui.graph.model.GraphViewModel}
 * holds open containers, options, selection, search and highlights. Depends on the engine API and {@code engine.ir}
 * only; {@code layout}, {@code render}, {@code fx}, the studio and the CLI use it.
 */
package io.tsstudio.ui.graph.model;
