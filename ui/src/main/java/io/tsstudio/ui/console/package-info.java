/**
 * The log console: {@link io.tsstudio.ui.console.LogConsole} (the studio's log, fed from any thread), its entries and
 * {@link io.tsstudio.ui.console.ConsoleView}. Depends on nothing else of the ui; {@code app.studio} uses it.
 */
package io.tsstudio.ui.console;
