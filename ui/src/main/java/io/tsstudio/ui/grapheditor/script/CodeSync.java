package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.ui.grapheditor.model.GeneratedScript;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ScriptGenerator;

import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.DocumentEditor;
import io.tsstudio.ui.grapheditor.model.Literals;
import io.tsstudio.ui.grapheditor.model.NnModuleSpec;
import io.tsstudio.ui.grapheditor.model.NnModules;
import io.tsstudio.ui.grapheditor.model.SettingSpec;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        // the header lists each nn block with its settings: edits there change the block (and so its submodule)
        current = withHeaderSettings(editedSource, current);
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

    private static final Pattern HEADER = Pattern.compile("^#\\s+([A-Za-z_][A-Za-z0-9_]*): ([A-Za-z_][A-Za-z0-9_]*)\\((.*)\\)\\s*$");

    /**
     * A copy of {@code doc} with the settings written in the code's header comment ({@code #   fc: Linear(in_features=4,
     * ...)}) applied to the nn blocks of those names. Lines that do not parse are left alone; a bad value is an error
     * naming the line.
     */
    static GraphDocument withHeaderSettings(String source, GraphDocument doc) {
        GraphDocument copy = Commands.snapshot(doc);
        DocumentEditor edit = new DocumentEditor(copy);
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEADER.matcher(lines[i]);
            if (!m.matches()) continue;
            var block = copy.byName(m.group(1));
            var spec = NnModules.find(m.group(2));
            if (block.isEmpty() || spec.isEmpty() || block.get().kind() != BlockKind.MODULE || !block.get().type().equals(m.group(2))) continue;
            Block b = block.get();
            for (String part : splitArgs(m.group(3))) {
                int eq = part.indexOf('=');
                if (eq < 0) continue;
                String key = part.substring(0, eq).strip();
                SettingSpec s = setting(spec.get(), key);
                if (s == null) throw new IllegalArgumentException("line " + (i + 1) + ": " + m.group(2) + " has no setting '" + key + "'");
                try {
                    b = b.withSetting(key, Literals.parse(part.substring(eq + 1), s.type()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + key + ": " + e.getMessage(), e);
                }
            }
            edit.replace(b);
        }
        return copy;
    }

    private static SettingSpec setting(NnModuleSpec spec, String key) {
        for (SettingSpec s : spec.settings()) if (s.name().equals(key)) return s;
        return null;
    }

    private static List<String> splitArgs(String text) {
        List<String> out = new java.util.ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '(') depth++;
            else if (c == ']' || c == ')') depth--;
            else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start).strip());
        return out;
    }
}
