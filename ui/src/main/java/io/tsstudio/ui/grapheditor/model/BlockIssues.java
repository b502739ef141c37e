package io.tsstudio.ui.grapheditor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What is wrong with a block as it stands: missing required inputs, bad settings. Shown on the block and blocks compiling. */
public final class BlockIssues {
    private BlockIssues() {
    }

    public static List<String> of(GraphDocument doc, Block b) {
        List<String> issues = new ArrayList<>();
        BlockSignature sig;
        try {
            sig = Signatures.of(b);
        } catch (IllegalArgumentException e) {
            issues.add(e.getMessage());
            return issues;
        }
        for (PortSpec p : sig.inputs()) {
            if (p.hasDefault()) continue;
            if (doc.inputConnection(b.id(), p.name()).isPresent()) continue;
            if (b.kind() == BlockKind.OPERATOR && b.settings().containsKey(p.name())) continue;
            issues.add("input '" + p.name() + "' (" + p.type() + ") is required but not connected"
                    + (Literals.isTypable(p.type()) ? " or set" : ""));
        }
        if (b.kind() == BlockKind.MODULE) {
            Optional<NnModuleSpec> spec = NnModules.find(b.type());
            if (spec.isPresent()) {
                try {
                    for (ParamSpec ps : spec.get().parameters(b.settings())) {
                        for (long d : ps.shape()) {
                            if (d <= 0) issues.add("parameter '" + ps.name() + "' would have a dimension of " + d + ": check the settings");
                        }
                    }
                    spec.get().forwardExpression(b.settings());
                } catch (IllegalArgumentException e) {
                    issues.add(e.getMessage());
                }
            }
        }
        return issues;
    }

    /** Every block's issues, in document order, as "name: issue" lines. */
    public static List<String> all(GraphDocument doc) {
        List<String> out = new ArrayList<>();
        for (Block b : doc.blocks()) for (String i : of(doc, b)) out.add(b.name() + ": " + i);
        if (doc.blocksOf(BlockKind.OUTPUT).isEmpty()) out.add("the graph has no output block");
        return out;
    }
}
