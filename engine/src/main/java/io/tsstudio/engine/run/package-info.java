/**
 * Running a method as the CLI, the run worker and the run panel do:
 * {@link io.tsstudio.engine.run.ModelSession} (load on a device, run with JSON arguments), the one timing engine
 * {@link io.tsstudio.engine.run.Runner} with its plan, statistics and cancel token, proposed inputs, output trees and
 * tensor summaries, and {@code .npy} files. Depends on the engine API, {@code engine.ir} and {@code engine.values};
 * {@code app.cli}, {@code app.worker} and {@code ui.run} use it.
 */
package io.tsstudio.engine.run;
