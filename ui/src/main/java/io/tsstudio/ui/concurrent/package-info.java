/**
 * Background work for view models: {@link io.tsstudio.ui.concurrent.TaskRunner} (jobs, latest-wins workers, thread
 * checks) over bounded {@link io.tsstudio.ui.concurrent.Lane}s. Toolkit-free except
 * {@link io.tsstudio.ui.concurrent.FxUiThread}.
 */
package io.tsstudio.ui.concurrent;
