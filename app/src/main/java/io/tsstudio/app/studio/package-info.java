/**
 * The JavaFX studio: {@link io.tsstudio.app.studio.StudioApplication}, {@link io.tsstudio.app.studio.MainWindow},
 * {@link io.tsstudio.app.studio.StudioViewModel}, the wiring that plugs the graph view and the run panel into the window
 * ({@link io.tsstudio.app.studio.GraphWiring}, {@link io.tsstudio.app.studio.RunPanelWiring}), dialogs, opening files,
 * autosave ownership and the single-instance channel. The top of the dependency graph: it may use every ui package,
 * the engine API, {@code app.ipc} and {@code app.worker}; only {@code Launcher} depends on it.
 */
package io.tsstudio.app.studio;
