package io.tsstudio.ui.observe;

import io.tsstudio.engine.ir.IrBlock;
import io.tsstudio.engine.ir.IrCall;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.NodeKind;

import java.util.List;
import java.util.Optional;

/**
 * Finds the drawn node for a {@link ValueKeys#node node key} (a hot spot's row, the debugger's current node),
 * opening only the groups on the way: the submodule calls whose path leads to the node's module, and the If/Loop
 * blocks and sections of its own graph that hold it.
 */
public final class GraphLocator {
    private GraphLocator() {
    }

    public static Optional<GraphNode> find(GraphGroup group, String nodeKey) {
        for (GraphNode n : group.nodes()) {
            if (n.ir().isPresent() && ObservationIndex.nodeKey(n).equals(nodeKey)) return Optional.of(n);
        }
        String scope = ValueKeys.scopeOf(nodeKey);
        String module = ValueKeys.moduleOf(scope);
        String nodeId = nodeKey.substring(nodeKey.indexOf('/') + 1);
        for (GraphNode n : group.nodes()) {
            if (!n.isContainer() || n.kind() == NodeKind.ERROR) continue;
            if (leadsTo(n, scope, module, nodeId)) {
                Optional<GraphNode> found = find(n.content(), nodeKey);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    private static boolean leadsTo(GraphNode n, String scope, String module, String nodeId) {
        String own = ValueKeys.scopeOf(n.id());
        if (n.kind() == NodeKind.MODULE) {
            Optional<IrCall> call = n.ir().flatMap(IrNode::call);
            if (call.isEmpty()) return false;
            String ownModule = ValueKeys.moduleOf(own);
            String sub = call.get().submodulePath();
            String full = ownModule.isEmpty() ? sub : sub.isEmpty() ? ownModule : ownModule + "." + sub;
            return full.isEmpty() || module.equals(full) || module.startsWith(full + ".");
        }
        if (!own.equals(scope)) return false;
        if (n.kind() == NodeKind.CONTROL) return n.ir().map(ir -> holds(ir.blocks(), nodeId)).orElse(false);
        return true; // a section or a branch of the node's own graph
    }

    private static boolean holds(List<IrBlock> blocks, String nodeId) {
        for (IrBlock b : blocks) {
            for (IrNode inner : b.nodes()) {
                if (inner.id().equals(nodeId) || holds(inner.blocks(), nodeId)) return true;
            }
        }
        return false;
    }
}
