package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.ui.concurrent.Job;
import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.Progress;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.graph.layout.GraphLayoutEngine;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphGroup;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One graph view's background work, as jobs on the {@link TaskRunner}'s layout lane (one large-stack thread for the
 * whole process): reading a method's graph, and laying out what is visible. The latest request wins: a new one
 * cancels the one before, which then never starts, or stops at ELK's next group. So a pane that is asked again, or
 * closed, never keeps the shared lane busy with a picture nobody will see. Toolkit-free; call on the UI thread.
 */
final class LayoutRequests implements AutoCloseable {
    private final TaskRunner runner;
    private final GraphLayoutEngine engine = new GraphLayoutEngine();
    private Job<?> current;

    LayoutRequests(TaskRunner runner) {
        this.runner = runner;
    }

    /**
     * Reads a graph off the UI thread. It goes to the layout lane rather than the engine lane: it is the first step
     * of the layout it feeds (so the two stay in order), and the engine lane may be busy with a model's runs.
     */
    Job<IrGraph> read(Callable<IrGraph> reader) {
        return begin(() -> runner.submit(Lane.LAYOUT, c -> reader.call()));
    }

    /** Lays out {@code root} with the containers {@code open} (ids) open; {@code onProgress} hears it on the UI thread. */
    Job<GraphScene> layout(GraphGroup root, Set<String> open, Consumer<Progress> onProgress) {
        Set<String> expanded = Set.copyOf(open);
        return begin(() -> runner.submit(Lane.LAYOUT, c -> engine.layout(root, n -> expanded.contains(n.id()),
                (done, total) -> c.progress(done, total, "Laying out"), c::isCancelled), onProgress));
    }

    private <T> Job<T> begin(Supplier<Job<T>> submit) {
        supersede();
        Job<T> job = submit.get();
        current = job;
        return job;
    }

    /** True while {@code job} is the latest request: a superseded job's outcome is nobody's business any more. */
    boolean isCurrent(Job<?> job) {
        return job == current;
    }

    /** Cancels the latest request; it stays the latest, so its end ("cancelled") is still reported. */
    void cancel() {
        runner.checkUiThread();
        if (current != null) current.cancel();
    }

    /** Forgets the cached group layouts (the groups were rebuilt: folding or the flat view toggled). */
    void forgetLayouts() {
        engine.clear();
    }

    /** Milliseconds ELK took in the last layout, and how many groups it laid out (cached ones cost nothing). */
    String lastFigures() {
        return String.format("ELK %d ms, %d groups", engine.lastElkMillis(), engine.lastGroupsLaidOut());
    }

    /** The status line after a layout: what it drew and what it cost. */
    String summary(GraphScene scene, long millis) {
        return String.format("%,d nodes drawn, %,d edges; layout %d ms (%s)", scene.nodeCount(), scene.edgeCount(), millis,
                lastFigures());
    }

    /** Cancels whatever is queued or running and makes it stale. */
    @Override
    public void close() {
        supersede();
    }

    private void supersede() {
        runner.checkUiThread();
        Job<?> old = current;
        current = null; // first: the old job's result completes inside cancel(), and must already see itself stale
        if (old != null) old.cancel();
    }
}
