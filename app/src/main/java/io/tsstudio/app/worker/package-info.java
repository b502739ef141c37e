/**
 * The run worker: a separate JVM that loads a model and runs it ({@link io.tsstudio.app.worker.WorkerMain},
 * {@link io.tsstudio.app.worker.WorkerSession}), and the studio's client of it
 * ({@link io.tsstudio.app.worker.WorkerClient}, the run panel's backend), with its JSON protocol. A crash in LibTorch
 * ends the worker, not the studio. Depends on the engine API, {@code engine.run}, {@code app.ipc} and {@code ui.run};
 * {@code app.studio} uses it.
 */
package io.tsstudio.app.worker;
