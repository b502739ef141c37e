/**
 * The studio's session over the engine: {@link io.tsstudio.ui.session.ModelBackend} (everything the studio asks of
 * the engine; {@link io.tsstudio.ui.session.EngineModelBackend} over LibTorch) and what opening a file gives
 * ({@link io.tsstudio.ui.session.OpenedFile}, {@link io.tsstudio.ui.session.OpenModel}), the shared selection panels
 * observe ({@link io.tsstudio.ui.session.Workspace}), autosaved buffers, class code made editable, tab titles and dock
 * slots. Depends on the engine API, {@code engine.ops}, {@code ui.editor} and {@code ui.inspect}; {@code app.studio}
 * uses it.
 */
package io.tsstudio.ui.session;
