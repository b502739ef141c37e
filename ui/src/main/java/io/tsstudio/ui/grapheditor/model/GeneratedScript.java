package io.tsstudio.ui.grapheditor.model;

import java.util.List;
import java.util.Map;

/**
 * What the Script path produces from a document: the top module's {@code forward} (with a header comment listing
 * its submodules), and for each nn block the submodule to register with its own forward and parameters.
 *
 * @param className   the module's class name (the document title)
 * @param source      the full text shown in the editor tab: header comment + {@code forward}
 * @param submodules  submodules in document order
 * @param lineToBlock 1-based line of {@link #source} -> id of the block that line computes
 */
public record GeneratedScript(String className, String source, List<Submodule> submodules, Map<Integer, String> lineToBlock) {
    public GeneratedScript {
        submodules = List.copyOf(submodules);
        lineToBlock = Map.copyOf(lineToBlock);
    }

    /**
     * One nn block as a submodule.
     *
     * @param blockId       the block it comes from
     * @param name          attribute name on the top module
     * @param type          nn module type ({@code Linear}), or the class of an imported module
     * @param forwardSource the submodule's forward; empty for imported modules, which keep their own code
     * @param parameters    parameters and buffers to register (empty for imported modules)
     */
    public record Submodule(String blockId, String name, String type, String forwardSource, List<ParamSpec> parameters) {
        public Submodule {
            parameters = List.copyOf(parameters);
        }
    }
}
