/**
 * The problems list: {@link io.tsstudio.ui.problems.ProblemsViewModel} collects the diagnostics of every open buffer,
 * {@link io.tsstudio.ui.problems.ProblemsView} shows them and jumps to them. Depends on {@code ui.editor} and
 * {@code ui.theme}; {@code app.studio} uses it.
 */
package io.tsstudio.ui.problems;
