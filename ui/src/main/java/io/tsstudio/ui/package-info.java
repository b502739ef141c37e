/**
 * The studio's JavaFX components, one feature package per component, each a view plus a toolkit-free view model.
 * The ui depends on the engine's API packages only, never on {@code engine.internal} or {@code app}
 * (UiArchitectureTest); {@code app.studio} assembles the components into the window.
 */
package io.tsstudio.ui;
