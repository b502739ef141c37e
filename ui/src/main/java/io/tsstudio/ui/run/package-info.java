/**
 * The run panel: {@link io.tsstudio.ui.run.RunPanelViewModel} (device, method, schema-driven arguments, run and
 * benchmark) over a {@link io.tsstudio.ui.run.RunBackend}, its views (inputs, outputs, tensor detail, histogram,
 * benchmark chart) and the inputs remembered per model. Depends on the engine API, {@code engine.run} and
 * {@code ui.preferences}; {@code app.studio} wires it in and {@code app.worker} implements its backend.
 */
package io.tsstudio.ui.run;
