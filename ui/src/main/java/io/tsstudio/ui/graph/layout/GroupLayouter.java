package io.tsstudio.ui.graph.layout;

import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;

import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.NodeLabelPlacement;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Lays out one group, top to bottom: simple chains are stacked ({@link ChainLayout}); groups up to
 * {@link #SWEEP_ABOVE} nodes get ELK Layered; larger ones {@link SweepLayout}, which reads as well on IR graphs
 * in a fraction of ELK's time (measured with GraphBench: ELK took 0.8-1.9 s for a 912-node section on 2 cores,
 * against a 500 ms target). ELK recurses along long chains: call it on a thread with a large stack
 * ({@link LayoutThreads}).
 */
public final class GroupLayouter {
    public static final int FAST_ABOVE = 500;
    /** Above this many nodes, {@link SweepLayout} instead of ELK. */
    public static final int SWEEP_ABOVE = 500;
    private static final EnumSet<SizeConstraint> NO_SIZING = EnumSet.noneOf(SizeConstraint.class);
    private static final EnumSet<NodeLabelPlacement> NO_LABELS = EnumSet.noneOf(NodeLabelPlacement.class);

    private GroupLayouter() {
    }

    public static GroupLayout layout(GraphGroup group, double[] w, double[] h, BooleanSupplier cancelled) {
        GroupLayout chain = ChainLayout.layout(group, w, h);
        if (chain != null) {
            return chain;
        }
        if (group.nodes().size() > SWEEP_ABOVE) {
            return SweepLayout.layout(group, w, h, cancelled);
        }
        return layoutWithElk(group, w, h, cancelled);
    }

    /** ELK Layered regardless of size (the path all groups took before {@link SweepLayout}; GraphBench compares them). */
    public static GroupLayout layoutWithElk(GraphGroup group, double[] w, double[] h, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        ElkNode root = ElkGraphUtil.createGraph();
        List<GraphNode> nodes = group.nodes();
        ElkNode[] elk = new ElkNode[nodes.size()];
        for (int i = 0; i < elk.length; i++) {
            elk[i] = ElkGraphUtil.createNode(root);
            elk[i].setDimensions(w[i], h[i]);
            // fixed sizes, no ELK labels: skips most of ELK's label and node sizing pass
            elk[i].setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, NO_SIZING);
            elk[i].setProperty(CoreOptions.NODE_LABELS_PLACEMENT, NO_LABELS);
        }
        List<GraphEdge> drawn = new ArrayList<>();
        List<ElkEdge> elkEdges = new ArrayList<>();
        Set<Long> pairs = new HashSet<>();
        for (GraphEdge e : group.edges()) {
            long key = ((long) e.from().index() << 32) | e.to().index();
            if (e.from() != e.to() && pairs.add(key)) {
                drawn.add(e);
                elkEdges.add(ElkGraphUtil.createSimpleEdge(elk[e.from().index()], elk[e.to().index()]));
            }
        }
        configure(root, nodes.size() > FAST_ABOVE);
        new RecursiveGraphLayoutEngine().layout(root, new CancellableMonitor(cancelled));
        if (cancelled.getAsBoolean()) {
            throw new LayoutCancelledException();
        }
        double[] x = new double[elk.length];
        double[] y = new double[elk.length];
        for (int i = 0; i < elk.length; i++) {
            x[i] = elk[i].getX();
            y[i] = elk[i].getY();
        }
        List<double[]> routes = new ArrayList<>(elkEdges.size());
        for (ElkEdge e : elkEdges) {
            routes.add(route(e));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new GroupLayout(group, x, y, w.clone(), h.clone(), routes, drawn, root.getWidth(), root.getHeight(), ms, true);
    }

    private static void configure(ElkNode root, boolean fast) {
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(8));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 26.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 10.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 6.0);
        root.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, NO_SIZING);
        // IR graphs are acyclic: the cheapest cycle breaker is enough (measured: greedy cost up to 100 ms at 1,000 nodes)
        root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.DEPTH_FIRST);
        if (fast) {
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.LONGEST_PATH);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
            root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        }
    }

    private static double[] route(ElkEdge e) {
        if (e.getSections().isEmpty()) {
            return new double[0];
        }
        ElkEdgeSection s = e.getSections().get(0);
        double[] pts = new double[4 + 2 * s.getBendPoints().size()];
        int k = 0;
        pts[k++] = s.getStartX();
        pts[k++] = s.getStartY();
        for (ElkBendPoint b : s.getBendPoints()) {
            pts[k++] = b.getX();
            pts[k++] = b.getY();
        }
        pts[k++] = s.getEndX();
        pts[k] = s.getEndY();
        return pts;
    }

    /** Lets ELK stop between its phases when the user cancels. */
    private static final class CancellableMonitor extends BasicProgressMonitor {
        private final BooleanSupplier cancelled;

        CancellableMonitor(BooleanSupplier cancelled) {
            this.cancelled = cancelled;
        }

        @Override
        public boolean isCanceled() {
            return cancelled.getAsBoolean();
        }
    }
}
