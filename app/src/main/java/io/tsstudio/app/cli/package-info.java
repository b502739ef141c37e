/**
 * The {@code tsstudio} command line (picocli): {@code inspect}, {@code run}, {@code compile}, {@code graph}, their JSON
 * and text outputs, exit statuses and user errors. The only code that prints to the standard streams. Depends on the
 * engine's API packages and on the headless graph packages ({@code ui.graph.model}, {@code ui.graph.render}); only
 * {@code Launcher} uses it.
 */
package io.tsstudio.app.cli;
