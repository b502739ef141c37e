/**
 * The TorchScript code editor: {@link io.tsstudio.ui.editor.EditorViewModel} per buffer,
 * {@link io.tsstudio.ui.editor.CodeEditorView} (RichTextFX), lexing and highlighting, completion over the operator
 * catalog, find and replace, bracket matching, and diagnostics read from compile errors. Depends on
 * {@code ui.concurrent}; {@code app.studio}, {@code ui.problems} and {@code ui.session} use it.
 */
package io.tsstudio.ui.editor;
