/**
 * The process entry point ({@link io.tsstudio.app.Launcher}) and what every process needs first: native-library
 * caches that are safe when several processes start at once, the log file, and telling a mistyped command from a file
 * to open. It starts {@code app.cli}, {@code app.studio} or {@code app.worker}, which may use its helpers.
 */
package io.tsstudio.app;
