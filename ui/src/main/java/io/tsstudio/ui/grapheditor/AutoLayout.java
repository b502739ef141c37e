package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ELK Layered positions for a document, left to right as data flows. The result is applied as one undoable move, so
 * later manual moves are kept until the next explicit auto-layout. Runs on a big-stack thread (ELK recurses deeply
 * on long chains).
 */
public final class AutoLayout {
    private AutoLayout() {
    }

    /** New positions for the given blocks (all blocks when {@code only} is empty), keyed by block id. */
    public static Map<String, double[]> positions(GraphDocument doc, Set<String> only) {
        AtomicReference<Map<String, double[]>> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(compute(doc.blocks(), doc.connections(), only));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "elk-layout", 512L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("layout interrupted", e);
        }
        if (failure.get() != null) throw failure.get();
        return result.get();
    }

    private static Map<String, double[]> compute(Collection<Block> blocks, Collection<Connection> connections, Set<String> only) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
        // long chains (most models) wrap into rows instead of one line wider than any screen
        root.setProperty(LayeredOptions.WRAPPING_STRATEGY, org.eclipse.elk.alg.layered.options.WrappingStrategy.MULTI_EDGE);
        root.setProperty(CoreOptions.ASPECT_RATIO, 2.0);
        if (blocks.size() > 300) {
            // big documents: the fast settings measured in BUILD-NOTES §6 keep layout around a second
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.LAYERING_STRATEGY, org.eclipse.elk.alg.layered.options.LayeringStrategy.LONGEST_PATH);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, org.eclipse.elk.alg.layered.options.NodePlacementStrategy.SIMPLE);
        }
        Map<String, ElkNode> nodes = new HashMap<>();
        for (Block b : blocks) {
            if (!only.isEmpty() && !only.contains(b.id())) continue;
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setWidth(BlockGeometry.WIDTH);
            n.setHeight(BlockGeometry.height(b));
            nodes.put(b.id(), n);
        }
        for (Connection c : connections) {
            ElkNode a = nodes.get(c.fromBlock()), z = nodes.get(c.toBlock());
            if (a != null && z != null) ElkGraphUtil.createSimpleEdge(a, z);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        double ox = 40, oy = 40;
        if (!only.isEmpty()) {
            // a partial layout stays where its blocks were
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE;
            for (Block b : blocks) {
                if (only.contains(b.id())) {
                    minX = Math.min(minX, b.x());
                    minY = Math.min(minY, b.y());
                }
            }
            ox = minX;
            oy = minY;
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (var e : nodes.entrySet()) out.put(e.getKey(), new double[] {Math.round(ox + e.getValue().getX()), Math.round(oy + e.getValue().getY())});
        return out;
    }
}
