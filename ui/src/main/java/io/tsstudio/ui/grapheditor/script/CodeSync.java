package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.ui.grapheditor.model.GeneratedScript;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ScriptGenerator;

import java.util.List;
import java.util.Map;

/**
 * Code edited by hand back into the graph: the edited {@code forward} is compiled onto the document's submodules
 * (a compile error comes back as the engine's CompileException with its line), then its IR is mapped to blocks,
 * matching the previous blocks by name. What no longer maps is listed with its line.
 */
public final class CodeSync {
    private CodeSync() {
    }

    /** The rebuilt document, what did not map, and the compiled module (the caller owns and closes it). */
    public record Outcome(GraphDocument document, List<String> unmapped, BuiltModel built) {
    }

    public static Outcome apply(String editedSource, GraphDocument current, ModelWeights weights) {
        GeneratedScript gen = ScriptGenerator.generate(current);
        GeneratedScript edited = new GeneratedScript(gen.className(), editedSource, gen.submodules(), Map.of());
        BuiltModel built = ScriptBuilder.build(edited, weights);
        try {
            IrImport.Result r = IrImport.fromModule(built.module(), weights, current);
            return new Outcome(r.document(), r.unmapped(), built);
        } catch (RuntimeException e) {
            built.module().close();
            throw e;
        }
    }
}
