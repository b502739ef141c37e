/**
 * The model inspector: {@link io.tsstudio.ui.inspect.InspectorViewModel} (the model shown, the selected tensor and its
 * statistics, computed off the FX thread), the tree rows built from a {@link io.tsstudio.ui.inspect.ModelSummary}, and
 * {@link io.tsstudio.ui.inspect.InspectorView}. Depends on {@code ui.concurrent}, {@code ui.status} and
 * {@code ui.theme}; {@code app.studio} and {@code ui.session} (which builds the summaries) use it.
 */
package io.tsstudio.ui.inspect;
