package io.tsstudio.engine.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class RunnerTest {
    @Test
    void percentilesInterpolateLikeNumpy() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // numpy.percentile(range(1, 11), [50, 90, 99]) = [5.5, 9.1, 9.91]
        assertEquals(5.5, RunStats.percentile(v, 50), 1e-12);
        assertEquals(9.1, RunStats.percentile(v, 90), 1e-12);
        assertEquals(9.91, RunStats.percentile(v, 99), 1e-12);
        assertEquals(1, RunStats.percentile(v, 0));
        assertEquals(10, RunStats.percentile(v, 100));
        assertEquals(7, RunStats.percentile(new double[] {7}, 99));
    }

    @Test
    void statsFromUnsortedNanos() {
        List<Long> ns = new ArrayList<>();
        for (long i = 1; i <= 100; i++) ns.add(i * 1_000_000L);
        Collections.shuffle(ns, new java.util.Random(1));
        long[] lat = ns.stream().mapToLong(Long::longValue).toArray();
        RunStats s = RunStats.of(lat, 2_000_000_000L, 2);
        assertEquals(100, s.count());
        assertEquals(1.0, s.minMs(), 1e-9);
        assertEquals(100.0, s.maxMs(), 1e-9);
        assertEquals(50.5, s.meanMs(), 1e-9);
        assertEquals(50.5, s.p50Ms(), 1e-9);
        assertEquals(90.1, s.p90Ms(), 1e-9);
        assertEquals(99.01, s.p99Ms(), 1e-9);
        assertEquals(29.011492, s.stdMs(), 1e-6); // sample std of 1..100
        assertEquals(50.0, s.throughput(), 1e-9);
        assertEquals(2000.0, s.wallMs(), 1e-9);
    }

    @Test
    void runsWarmupThenTimedCallsAndKeepsTheLastOutput() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> released = Collections.synchronizedList(new ArrayList<>());
        List<String> phases = Collections.synchronizedList(new ArrayList<>());
        RunResult<Integer> r = new Runner(new RunPlan(3, 5, 1))
                .onProgress((phase, done, total) -> phases.add(phase + ":" + done + "/" + total))
                .run(calls::incrementAndGet, released::add, CancelToken.none());
        assertEquals(8, calls.get());
        assertEquals(8, r.output());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), released);
        assertEquals(5, r.stats().count());
        assertEquals("WARMUP:1/3", phases.get(0));
        assertEquals("TIMED:5/5", phases.get(phases.size() - 1));
    }

    @Test
    void concurrentCallersReallyOverlapAndShareTheIterations() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        RunResult<Integer> r = new Runner(new RunPlan(0, 40, 4)).run(() -> {
            threads.add(Thread.currentThread().getName());
            int now = inside.incrementAndGet();
            maxInside.accumulateAndGet(now, Math::max);
            Thread.sleep(5);
            inside.decrementAndGet();
            return now;
        }, CancelToken.none());
        assertEquals(40, r.stats().count());
        assertEquals(4, threads.size());
        assertTrue(maxInside.get() > 1, "callers never overlapped");
        assertEquals(4, r.stats().concurrency());
        // Throughput is derived from the measured wall time (no timing threshold: CI machines are noisy);
        // the overlap assertion above is what proves the callers ran concurrently.
        assertEquals(r.stats().count() * 1000.0 / r.stats().wallMs(), r.stats().throughput(), 1e-6);
    }

    @Test
    void iterationsAreSplitEvenly() {
        RunPlan p = new RunPlan(0, 10, 4);
        assertEquals(List.of(3, 3, 2, 2), List.of(p.iterationsOf(0), p.iterationsOf(1), p.iterationsOf(2), p.iterationsOf(3)));
        assertThrows(IllegalArgumentException.class, () -> new RunPlan(0, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> new RunPlan(-1, 2, 1));
    }

    @Test
    void cancelReturnsAtOnceEvenWhileACallIsStuck() throws Exception {
        CancelToken token = new CancelToken();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(() -> {
                try {
                    entered.await();
                } catch (InterruptedException ignored) {
                }
                token.cancel();
            }, 0, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            assertThrows(CancellationException.class, () -> new Runner(new RunPlan(0, 1, 1)).run(() -> {
                entered.countDown();
                never.await();
                return 1;
            }, token));
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
        } finally {
            never.countDown();
            timer.shutdownNow();
        }
    }

    @Test
    void cancelBetweenCallsStopsTheCallers() throws Exception {
        CancelToken token = new CancelToken();
        AtomicInteger calls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> new Runner(new RunPlan(0, 1_000_000, 2)).run(() -> {
            if (calls.incrementAndGet() == 100) token.cancel();
            return 0;
        }, token));
        Thread.sleep(50);
        int after = calls.get();
        Thread.sleep(50);
        assertEquals(after, calls.get(), "callers kept calling after cancel");
    }

    @Test
    void aFailingCallIsRethrownAndStopsTheOthers() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Runner(new RunPlan(0, 100_000, 4)).run(() -> {
            if (calls.incrementAndGet() == 50) throw new IllegalStateException("shape mismatch");
            return 0;
        }, CancelToken.none()));
        assertEquals("shape mismatch", e.getMessage());
        assertTrue(calls.get() < 100_000);
    }

    @Test
    void cancelledTokenRunsLateHooksAtOnce() {
        CancelToken t = new CancelToken();
        t.cancel();
        AtomicInteger ran = new AtomicInteger();
        t.onCancel(ran::incrementAndGet);
        t.cancel();
        assertEquals(1, ran.get());
    }
}
