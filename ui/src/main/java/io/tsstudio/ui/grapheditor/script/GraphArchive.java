package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.ArchiveContent;
import io.tsstudio.engine.ArchiveLimits;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.NnModules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .pt} files that carry their visual document: a normal TorchScript archive (PyTorch and LibTorch load it
 * as usual) with the document JSON as the extra file {@code extra/tsstudio_graph.json}. Reopening gives the module,
 * the document, and the weights of its blocks read back from the module's submodules.
 */
public final class GraphArchive {
    private GraphArchive() {
    }

    /**
     * What opening a {@code .pt} gave: the module, the document when the file carried one, and the extra files not
     * read because they pass {@link ArchiveLimits} (a document among them is then missing for that reason).
     */
    public record Opened(ScriptModule module, Optional<GraphDocument> document, List<String> skipped) {
    }

    public static void save(ScriptModule module, GraphDocument doc, Path path) {
        Jit.save(module, path, Map.of(DocumentJson.ARCHIVE_ENTRY, DocumentJson.write(doc)));
    }

    public static Opened open(Path path) {
        ScriptModule m = Jit.load(path, Device.CPU);
        ArchiveContent<Map<String, byte[]>> extra;
        try {
            extra = Jit.extraFiles(path, ArchiveLimits.defaults());
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        List<String> skipped = extra.skipped().stream().map(ArchiveContent.Skipped::toString).toList();
        byte[] json = extra.content().get(DocumentJson.ARCHIVE_ENTRY);
        if (json == null) return new Opened(m, Optional.empty(), skipped);
        try {
            return new Opened(m, Optional.of(DocumentJson.read(new String(json, StandardCharsets.UTF_8))), skipped);
        } catch (IllegalArgumentException e) {
            m.close();
            throw new IllegalArgumentException(path + " carries a graph document this version cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Fills {@code weights} from a module built from {@code doc} (or reopened): nn blocks take their submodule's
     * parameters and buffers, other module blocks keep their submodule whole.
     */
    public static void readWeights(ScriptModule module, GraphDocument doc, ModelWeights weights) {
        java.util.Set<String> children = new java.util.HashSet<>();
        for (var info : module.submodules()) children.add(info.name());
        for (Block b : doc.blocksOf(BlockKind.MODULE)) {
            if (!children.contains(b.name())) continue;
            ScriptModule sub = module.submodule(b.name());
            if (NnModules.find(b.type()).isEmpty()) {
                weights.keep(b.id(), sub);
                continue;
            }
            for (var e : sub.namedParameters().entrySet()) weights.put(b.id(), e.getKey(), e.getValue());
            for (var e : sub.namedBuffers().entrySet()) weights.put(b.id(), e.getKey(), e.getValue());
            sub.close();
        }
    }
}
