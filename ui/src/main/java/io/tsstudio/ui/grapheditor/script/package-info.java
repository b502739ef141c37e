/**
 * Documents into models and back: the Script path ({@link io.tsstudio.ui.grapheditor.script.ScriptBuilder}), the
 * Trace path ({@link io.tsstudio.ui.grapheditor.script.GraphTracer}), {@code .pt} files that carry their document
 * ({@link io.tsstudio.ui.grapheditor.script.GraphArchive}), IR import, code sync and the weights kept across rebuilds.
 * Depends on the engine API, {@code ir}, {@code nn}, {@code trace} and the editor's {@code model}; {@code ui.grapheditor}
 * uses it.
 */
package io.tsstudio.ui.grapheditor.script;
