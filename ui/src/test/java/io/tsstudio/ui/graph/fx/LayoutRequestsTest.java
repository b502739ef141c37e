package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.concurrent.Job;
import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.concurrent.UiThread;
import io.tsstudio.ui.graph.layout.GraphLayoutTest;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graph view's layouts as jobs on the task runner's layout lane, without a toolkit: the latest request wins by
 * cancelling the one before, so nothing stale waits on (or holds) the one shared lane.
 */
class LayoutRequestsTest {
    /** The test thread is the UI thread; results are handed over where the job ends. */
    private final TaskRunner runner = TaskRunner.withOwnLanes(UiThread.of(Runnable::run, () -> true), 1);
    private final CountDownLatch laneFree = new CountDownLatch(1);
    private final GraphViewModel vm = new GraphViewModel(GraphLayoutTest.stack(5), GraphLayoutTest.LOADER);

    @AfterEach
    void close() {
        laneFree.countDown();
        runner.close();
    }

    /** Keeps the layout lane's one thread busy until {@link #laneFree} opens, so the next requests queue. */
    private void occupyLane() {
        runner.submit(Lane.LAYOUT, c -> laneFree.await(30, TimeUnit.SECONDS));
    }

    @Test
    void aNewerLayoutCancelsTheQueuedOneWhichNeverRuns() throws Exception {
        LayoutRequests layouts = new LayoutRequests(runner);
        occupyLane();
        Job<GraphScene> first = layouts.layout(vm.root(), vm.expandedIds(), null);
        Job<GraphScene> second = layouts.layout(vm.root(), vm.expandedIds(), null);

        assertThrows(CancellationException.class, () -> first.result().get(1, TimeUnit.SECONDS), "the older layout ends cancelled");
        assertFalse(layouts.isCurrent(first), "the older request is stale");
        assertTrue(layouts.isCurrent(second));

        laneFree.countDown();
        GraphScene scene = second.result().get(30, TimeUnit.SECONDS);
        assertEquals(vm.root().nodes().size(), scene.nodeCount(), "the newer layout draws the top level");
        assertFalse(first.hasStarted(), "the cancelled layout never took the lane");
        assertTrue(layouts.summary(scene, 12).startsWith(String.format("%,d nodes drawn, %,d edges; layout 12 ms (ELK ",
                scene.nodeCount(), scene.edgeCount())), layouts.summary(scene, 12));
    }

    @Test
    void cancelEndsTheLatestLayoutButKeepsItCurrentSoItsEndIsReported() throws Exception {
        LayoutRequests layouts = new LayoutRequests(runner);
        occupyLane();
        Job<GraphScene> job = layouts.layout(vm.root(), vm.expandedIds(), null);
        layouts.cancel();
        assertThrows(CancellationException.class, () -> job.result().get(1, TimeUnit.SECONDS));
        assertTrue(job.isCancelled());
        assertTrue(layouts.isCurrent(job), "the pane still reports 'Layout cancelled' for it");
    }

    @Test
    void closeCancelsWhatIsQueuedAndMakesItStale() throws Exception {
        LayoutRequests layouts = new LayoutRequests(runner);
        occupyLane();
        Job<GraphScene> layout = layouts.layout(vm.root(), vm.expandedIds(), null);
        layouts.close();
        assertTrue(layout.isCancelled());
        assertFalse(layouts.isCurrent(layout), "a closed pane applies nothing");
        laneFree.countDown();
        // The lane is free for others at once: a job submitted after the close runs next.
        assertEquals("next", runner.submit(Lane.LAYOUT, c -> "next").result().get(30, TimeUnit.SECONDS));
        assertFalse(layout.hasStarted());
    }

    @Test
    void refusesCallsOffTheUiThread() {
        TaskRunner elsewhere = TaskRunner.withOwnLanes(UiThread.of(Runnable::run, () -> false), 1);
        try {
            LayoutRequests layouts = new LayoutRequests(elsewhere);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> layouts.layout(vm.root(), vm.expandedIds(), null));
            assertTrue(e.getMessage().contains("view models belong to the UI thread"), e.getMessage());
        } finally {
            elsewhere.close();
        }
    }
}
