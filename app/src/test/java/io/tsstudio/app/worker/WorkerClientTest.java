package io.tsstudio.app.worker;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Real models through the real worker process: results, cancel of an endless loop, out of memory. */
class WorkerClientTest {
    private static final String ONES_10 = "{\"tensor\":{\"shape\":[10],\"fill\":\"ones\"},\"dtype\":\"float32\"}";
    private static WorkerClient client;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        client = new WorkerClient(WorkerLaunch.sameAsThisProcess());
        client.ready().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static RunOutcome run(String method, List<String> args) throws Exception {
        return client.run(new RunRequest(method, args, RunPlan.single()), RunListener.NONE).get(60, TimeUnit.SECONDS);
    }

    @Test
    void runsAFixtureInTheWorker() throws Exception {
        List<MethodInfo> methods = client.load(SharedFixtures.pytorch("linrelu.script.dat"), "cpu").get(60, TimeUnit.SECONDS);
        assertEquals("forward", methods.stream().filter(m -> m.name().equals("forward")).findFirst().orElseThrow().name());
        RunOutcome out = run("forward", List.of(ONES_10));
        assertArrayEquals(new double[] {0.313458264, 0, 0.9996568, 0, 0, 0}, out.output().tensor().values(), 1e-5);
        assertEquals("cpu", out.device());
        assertEquals(1, out.stats().count());
        assertTrue(out.outputJson().contains("0.31345"), out.outputJson());
    }

    @Test
    void cancelAnEndlessLoopWithinOneSecondThenRunAgain() throws Exception {
        Path loop = Fixtures.script(dir, "loop.py", Fixtures.LOOP_FOREVER);
        client.load(loop, "cpu").get(60, TimeUnit.SECONDS);
        CompletableFuture<RunOutcome> endless = client.run(new RunRequest("forward", List.of(ONES_10), RunPlan.single()), RunListener.NONE);
        Thread.sleep(500);
        assertFalse(endless.isDone(), "the loop ended by itself?");
        long t0 = System.nanoTime();
        client.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> endless.get(1, TimeUnit.SECONDS));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertInstanceOf(CancellationException.class, e.getCause());
        assertTrue(ms < 1000, "cancel took " + ms + " ms");

        client.load(SharedFixtures.pytorch("func.script.dat"), "cpu").get(60, TimeUnit.SECONDS);
        RunOutcome next = run("forward", List.of(ONES_10, ONES_10));
        assertEquals(2.0, next.output().tensor().min());
        assertEquals(2.0, next.output().tensor().max());
    }

    @Test
    void aFreshWorkerReloadsTheModelByItself() throws Exception {
        client.load(SharedFixtures.pytorch("func.script.dat"), "cpu").get(60, TimeUnit.SECONDS);
        Long before = client.workerPid();
        client.cancel();
        RunOutcome out = run("forward", List.of(ONES_10, ONES_10));
        assertNotEquals(before, client.workerPid());
        assertEquals(20.0, out.output().tensor().mean() * 10, 1e-9);
    }

    @Test
    void allocatingFarTooMuchIsReportedAndTheWorkerLives() throws Exception {
        Path hog = Fixtures.script(dir, "hog.py", Fixtures.ALLOCATE_TOO_MUCH);
        client.load(hog, "cpu").get(60, TimeUnit.SECONDS);
        Long pid = client.workerPid();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run("forward", List.of(ONES_10)));
        WorkerException w = assertInstanceOf(WorkerException.class, e.getCause());
        assertEquals(WorkerException.Kind.OUT_OF_MEMORY, w.kind(), w.getMessage());
        assertTrue(w.getMessage().startsWith("Out of memory: the model needed more main memory than is available (it asked for 4.0 TiB)"), w.getMessage());
        client.load(SharedFixtures.pytorch("func.script.dat"), "cpu").get(60, TimeUnit.SECONDS);
        assertEquals(2.0, run("forward", List.of(ONES_10, ONES_10)).output().tensor().max());
        assertEquals(pid, client.workerPid(), "an allocation failure must not cost the worker");
    }

    @Test
    void errorsOfTheModelComeBackAsText() throws Exception {
        client.load(SharedFixtures.pytorch("l1000_100_10.script.dat"), "cpu").get(60, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> run("forward", List.of("{\"tensor\":{\"shape\":[100],\"fill\":\"ones\"},\"dtype\":\"float32\"}")));
        WorkerException w = assertInstanceOf(WorkerException.class, e.getCause());
        assertEquals(WorkerException.Kind.ERROR, w.kind());
        assertTrue(w.getMessage().contains("1000"), w.getMessage());
    }

    @Test
    void benchmarkWithConcurrentCallersReportsProgress() throws Exception {
        client.load(SharedFixtures.pytorch("linrelu.script.dat"), "cpu").get(60, TimeUnit.SECONDS);
        java.util.concurrent.atomic.AtomicInteger lastDone = new java.util.concurrent.atomic.AtomicInteger();
        RunOutcome out = client.run(new RunRequest("forward", List.of(ONES_10), new RunPlan(5, 200, 4)),
                (phase, done, total) -> { if (phase == RunListener.Phase.TIMED) lastDone.set(done); }).get(60, TimeUnit.SECONDS);
        assertEquals(200, out.stats().count());
        assertEquals(4, out.stats().concurrency());
        assertEquals(200, lastDone.get());
        assertTrue(out.stats().p50Ms() <= out.stats().p99Ms());
        assertArrayEquals(new double[] {0.313458264, 0, 0.9996568, 0, 0, 0}, out.output().tensor().values(), 1e-5);
    }
}
