/**
 * The graph editor's document, toolkit-free and engine-free: blocks and connections, their typed signatures and
 * connection rules, undoable commands, the nn module specs, the document's JSON form and the TorchScript generator. It
 * depends on {@code engine.types} alone (GraphEditorArchitectureTest); every grapheditor package and the studio use
 * it.
 */
package io.tsstudio.ui.grapheditor.model;
