/**
 * The status bar ({@link io.tsstudio.ui.status.StatusBarView}: messages, open progress with Cancel, caret, LibTorch
 * version, device, memory) and the memory figures it shows. Depends on nothing else of the ui; {@code app.studio} and
 * {@code ui.inspect} use it.
 */
package io.tsstudio.ui.status;
