package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.grapheditor.model.GeneratedScript;

/** A module made from a document, with the code it was made from. The caller owns (and closes) the module. */
public record BuiltModel(ScriptModule module, GeneratedScript script) {
}
