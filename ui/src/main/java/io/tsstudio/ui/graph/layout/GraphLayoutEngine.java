package io.tsstudio.ui.graph.layout;

import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Lays out what is visible, group by group and bottom-up: an open container is first laid out inside, then drawn
 * in its parent at that size. Each group's layout is cached and reused as long as its nodes keep their sizes, so
 * opening a container lays out only its inside and the groups above it; closing and reopening costs nothing.
 * Siblings keep their layer and order when a group opens (ELK is deterministic for the same graph; only one node
 * grew). Call from a {@link LayoutThreads} thread.
 */
public final class GraphLayoutEngine {
    /** Recent layouts per group (one per set of node sizes), so closing a group brings back the one before. */
    private final Map<GraphGroup, List<GroupLayout>> cache = new ConcurrentHashMap<>();
    private static final int KEEP_PER_GROUP = 4;
    private volatile long lastElkMillis;
    private volatile int lastGroupsLaidOut;

    /** Forgets every cached layout (after the groups were rebuilt, e.g. folding toggled). */
    public void clear() {
        cache.clear();
    }

    public GraphScene layout(GraphGroup root, Predicate<GraphNode> expanded) {
        return layout(root, expanded, LayoutProgress.none(), () -> false);
    }

    /**
     * @throws LayoutCancelledException when {@code cancelled} turns true before the layout is done
     */
    public GraphScene layout(GraphGroup root, Predicate<GraphNode> expanded, LayoutProgress progress,
                             BooleanSupplier cancelled) {
        Run run = new Run(expanded, progress, cancelled, pendingNodes(root, expanded));
        GroupLayout top = run.layout(root);
        lastElkMillis = run.elkMillis;
        lastGroupsLaidOut = run.groups;
        return GraphScene.build(top, expanded, run.used);
    }

    /** Milliseconds ELK took in the last {@link #layout} call (cache hits cost none). */
    public long lastElkMillis() {
        return lastElkMillis;
    }

    /** Groups ELK laid out in the last call (not counting reused ones). */
    public int lastGroupsLaidOut() {
        return lastGroupsLaidOut;
    }

    private int pendingNodes(GraphGroup root, Predicate<GraphNode> expanded) {
        int total = 0;
        Deque<GraphGroup> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            GraphGroup g = todo.poll();
            if (cache.getOrDefault(g, List.of()).isEmpty()) {
                total += g.nodes().size();
            }
            for (GraphNode n : g.nodes()) {
                if (n.isContainer() && expanded.test(n)) {
                    todo.add(n.content());
                }
            }
        }
        return Math.max(1, total);
    }

    private final class Run {
        final Predicate<GraphNode> expanded;
        final LayoutProgress progress;
        final BooleanSupplier cancelled;
        final int total;
        final Map<GraphGroup, GroupLayout> used = new IdentityHashMap<>();
        int done;
        long elkMillis;
        int groups;

        Run(Predicate<GraphNode> expanded, LayoutProgress progress, BooleanSupplier cancelled, int total) {
            this.expanded = expanded;
            this.progress = progress;
            this.cancelled = cancelled;
            this.total = total;
        }

        GroupLayout layout(GraphGroup g) {
            if (cancelled.getAsBoolean()) {
                throw new LayoutCancelledException();
            }
            List<GraphNode> nodes = g.nodes();
            double[] w = new double[nodes.size()];
            double[] h = new double[nodes.size()];
            for (int i = 0; i < w.length; i++) {
                GraphNode n = nodes.get(i);
                if (n.isContainer() && expanded.test(n)) {
                    GroupLayout inside = layout(n.content());
                    w[i] = NodeSizes.openWidth(n, inside);
                    h[i] = NodeSizes.openHeight(inside);
                } else {
                    w[i] = NodeSizes.collapsedWidth(n);
                    h[i] = NodeSizes.collapsedHeight(n);
                }
            }
            List<GroupLayout> recent = cache.computeIfAbsent(g, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
            GroupLayout cached = recent.stream().filter(l -> l.fits(w, h)).findFirst().orElse(null);
            if (cached == null) {
                cached = GroupLayouter.layout(g, w, h, cancelled);
                recent.add(0, cached);
                if (recent.size() > KEEP_PER_GROUP) {
                    recent.remove(recent.size() - 1);
                }
                if (cached.byElk()) {
                    elkMillis += cached.millis();
                }
                groups++;
                done += nodes.size();
                progress.update(Math.min(done, total), total);
            }
            used.put(g, cached);
            return cached;
        }
    }
}
