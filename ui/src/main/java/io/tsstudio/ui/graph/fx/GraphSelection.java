package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.ui.graph.model.GraphNode;

import java.util.Optional;

/** A node was selected in the graph (null when the selection was cleared); the editor selects {@code sourceRange}. */
public record GraphSelection(GraphNode node, Optional<IrSourceRange> sourceRange) {
}
