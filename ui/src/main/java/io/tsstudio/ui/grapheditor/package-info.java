/**
 * The visual graph editor: {@link io.tsstudio.ui.grapheditor.GraphEditorViewModel} (toolkit-free),
 * {@link io.tsstudio.ui.grapheditor.GraphEditorView} with its canvas, the palette and where it gets operators, block
 * geometry and hit-testing, and automatic layout. Depends on its {@code model} and {@code script} subpackages, the
 * engine API and {@code engine.types}; {@code app.studio} uses it.
 */
package io.tsstudio.ui.grapheditor;
