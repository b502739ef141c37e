package io.tsstudio.ui.concurrent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's contract on real threads: a test-owned "UI thread", lanes of the runner's own. */
class TaskRunnerTest {
    private final ExecutorService uiExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final UiThread ui = UiThread.of(uiExecutor, () -> Thread.currentThread().getName().equals("test-ui"));
    private final TaskRunner runner = TaskRunner.withOwnLanes(ui, 1);

    @AfterEach
    void stop() {
        runner.close();
        uiExecutor.shutdownNow();
    }

    @Test
    void aJobRunsOnItsLaneAndItsResultIsAppliedOnTheUiThread() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        AtomicReference<String> appliedOn = new AtomicReference<>();
        CountDownLatch callbackAttached = new CountDownLatch(1);
        Job<Integer> job = runner.submit(Lane.ENGINE, c -> {
            ranOn.set(Thread.currentThread().getName());
            // a callback attached to an already-completed future runs on the attaching thread, so the work
            // finishes only after the test attached its callback: then it can only run where the runner completes
            callbackAttached.await(5, TimeUnit.SECONDS);
            return 42;
        });
        CompletableFuture<Void> applied = job.result().thenAccept(v -> appliedOn.set(Thread.currentThread().getName()));
        callbackAttached.countDown();
        applied.get(5, TimeUnit.SECONDS);
        assertEquals(42, job.result().get());
        assertTrue(ranOn.get().startsWith("engine-job"), ranOn.get());
        assertEquals("test-ui", appliedOn.get());
    }

    @Test
    void theLayoutLaneHasABigStack() throws Exception {
        // ELK recursion depth: a default 512 KiB-1 MiB stack overflows far sooner than this
        Job<Integer> job = runner.submit(Lane.LAYOUT, c -> depth(0, 200_000));
        assertEquals(200_000, job.result().get(10, TimeUnit.SECONDS));
    }

    private static int depth(int at, int limit) {
        return at == limit ? at : depth(at + 1, limit);
    }

    @Test
    void aCancelledJobCompletesWithCancellationAndItsLateValueIsDropped() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> sawCancel = new AtomicReference<>();
        Job<String> job = runner.submit(Lane.ENGINE, c -> {
            running.countDown();
            release.await(5, TimeUnit.SECONDS);
            sawCancel.set(c.isCancelled());
            return "late";
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        assertTrue(job.cancel());
        release.countDown();
        CancellationException e = assertThrows(CancellationException.class, () -> job.result().get(5, TimeUnit.SECONDS));
        assertEquals("cancelled", e.getMessage());
        // the work finished and saw the flag; its value never replaced the cancellation
        runner.submit(Lane.ENGINE, c -> null).result().get(5, TimeUnit.SECONDS);
        assertEquals(Boolean.TRUE, sawCancel.get());
        assertTrue(job.isCancelled());
        assertFalse(job.cancel());
    }

    @Test
    void aJobCancelledBeforeItStartsNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.submit(Lane.ENGINE, c -> release.await(5, TimeUnit.SECONDS)); // holds the only engine thread
        List<String> ran = new CopyOnWriteArrayList<>();
        Job<Void> queued = runner.submit(Lane.ENGINE, c -> {
            ran.add("queued");
            return null;
        });
        queued.cancel();
        release.countDown();
        runner.submit(Lane.ENGINE, c -> null).result().get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), ran);
        assertFalse(queued.hasStarted());
    }

    @Test
    void aFailingJobCompletesWithItsException() {
        Job<Void> job = runner.submit(Lane.IO, c -> {
            throw new java.io.IOException("disk full");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> job.result().get(5, TimeUnit.SECONDS));
        assertInstanceOf(java.io.IOException.class, e.getCause());
        assertEquals("disk full", e.getCause().getMessage());
    }

    @Test
    void progressReachesTheUiThreadAndEndsWithTheLatestReport() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Job<Void> job = runner.submit(Lane.ENGINE, c -> {
            for (int i = 1; i <= 100; i++) c.progress(i, 100, "step " + i);
            return null;
        }, p -> seen.add(Thread.currentThread().getName() + ":" + p.done() + "/" + p.total()));
        job.result().get(5, TimeUnit.SECONDS);
        assertFalse(seen.isEmpty());
        assertTrue(seen.stream().allMatch(s -> s.startsWith("test-ui:")), seen.toString());
        // coalesced: never more deliveries than reports, and the last one delivered is the last one reported
        assertTrue(seen.size() <= 100);
        assertEquals("test-ui:100/100", seen.get(seen.size() - 1));
    }

    @Test
    void latestResultWinsOverEarlierSubmissions() throws Exception {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (LatestResultWorker<Integer, Integer> w = runner.latest(Lane.ENGINE, i -> {
            sleep(50);
            return i;
        }, v -> {
            delivered.add(v);
            if (v == 3) done.countDown();
        })) {
            w.submit(1, 0);
            sleep(10); // 1 is computing now; 2 and 3 arrive while it does
            w.submit(2, 0);
            w.submit(3, 0);
            assertTrue(done.await(5, TimeUnit.SECONDS));
            sleep(100);
        }
        assertEquals(List.of(3), delivered);
    }

    @Test
    void debouncedSubmissionsComputeOnlyTheLastInput() throws Exception {
        List<Integer> computed = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (LatestResultWorker<Integer, Integer> w = runner.latest(Lane.IO, i -> {
            computed.add(i);
            return i;
        }, v -> done.countDown())) {
            for (int i = 0; i < 10; i++) w.submit(i, 200);
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of(9), computed);
    }

    @Test
    void aSupersededReplyIsNeverApplied() throws Exception {
        LatestReplies replies = runner.latestReplies();
        List<String> applied = new CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<String> slow = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<String> fast = new java.util.concurrent.CompletableFuture<>();
        var first = replies.begin().deliver(slow, (v, e) -> applied.add(v));
        var second = replies.begin().deliver(fast, (v, e) -> applied.add(v));
        fast.complete("second");
        slow.complete("first");
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("second"), applied);
        LatestReplies.Request third = replies.begin();
        replies.supersede();
        assertFalse(third.isCurrent());
    }

    @Test
    void entryChecksNameTheWrongThread() throws Exception {
        IllegalStateException offUi = assertThrows(IllegalStateException.class, runner::checkUiThread);
        assertTrue(offUi.getMessage().contains("view models belong to the UI thread"), offUi.getMessage());
        runner.checkOffUiThread("compile"); // the test thread is not the UI thread

        AtomicReference<Throwable> onUi = new AtomicReference<>();
        uiExecutor.submit(() -> {
            runner.checkUiThread();
            try {
                runner.checkOffUiThread("compile");
            } catch (IllegalStateException e) {
                onUi.set(e);
            }
        }).get(5, TimeUnit.SECONDS);
        assertInstanceOf(IllegalStateException.class, onUi.get());
        assertEquals("compile was called on the UI thread ('test-ui'); it blocks, so it must run as a TaskRunner job", onUi.get().getMessage());
    }

    @Test
    void theSameThreadRunnerFinishesJobsBeforeSubmitReturns() throws Exception {
        TaskRunner inPlace = TaskRunner.sameThread();
        String caller = Thread.currentThread().getName();
        Job<String> job = inPlace.submit(Lane.ENGINE, c -> Thread.currentThread().getName());
        assertTrue(job.result().isDone());
        assertEquals(caller, job.result().get());
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        inPlace.latest(Lane.ENGINE, (Integer i) -> i * 2, delivered::add).submit(4, 1000);
        assertEquals(List.of(8), delivered);
        inPlace.checkUiThread();
        inPlace.checkOffUiThread("compile");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aResultForAUiWhoseExecutorWasShutDownIsDroppedWithoutKillingTheLaneThread() throws Exception {
        ExecutorService gone = Executors.newSingleThreadExecutor();
        gone.shutdown();
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try (TaskRunner late = TaskRunner.withOwnLanes(FxUiThread.delivering(gone), 1)) {
            CountDownLatch ran = new CountDownLatch(2);
            AtomicReference<String> first = new AtomicReference<>(), second = new AtomicReference<>();
            late.submit(Lane.ENGINE, c -> {
                first.set(Thread.currentThread().getName());
                ran.countDown();
                return 1;
            });
            late.submit(Lane.ENGINE, c -> {
                second.set(Thread.currentThread().getName());
                ran.countDown();
                return 2;
            });
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            Thread.sleep(200); // let the second delivery be refused too
            assertEquals(first.get(), second.get(), "the same lane thread ran both: the refused delivery did not kill it");
            assertEquals(List.of(), uncaught);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
