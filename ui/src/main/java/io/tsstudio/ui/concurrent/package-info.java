/**
 * Background work for view models: {@link io.tsstudio.ui.concurrent.LatestResultWorker} runs a computation for the
 * latest input only (optionally debounced) and drops results that a newer input superseded. No JavaFX types; any ui
 * package may use it.
 */
package io.tsstudio.ui.concurrent;
