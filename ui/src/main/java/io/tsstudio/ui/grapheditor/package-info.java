/**
 * The visual graph editor: {@link io.tsstudio.ui.grapheditor.GraphEditorViewModel} (toolkit-free) with its parts
 * (gesture edits, selection, properties sheet, hit-testing, save state, model work against a
 * {@link io.tsstudio.ui.grapheditor.ModelSession}), {@link io.tsstudio.ui.grapheditor.GraphEditorView} with its
 * canvas, the palette and where it gets operators, block geometry, and automatic layout. Depends on its
 * {@code model} and {@code script} subpackages, the engine API and {@code engine.types}; {@code app.studio} uses it.
 */
package io.tsstudio.ui.grapheditor;
