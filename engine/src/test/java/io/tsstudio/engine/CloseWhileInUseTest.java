package io.tsstudio.engine;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.internal.torch.Handles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tsstudio.engine.Fixtures.ones;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a native owner while other threads call it: the close never frees memory under a running call (issue 13
 * item 4), and every later call fails with IllegalStateException naming the object.
 */
class CloseWhileInUseTest {
    private static final String SLOW = """
            def forward(x: Tensor, n: int) -> Tensor:
                y = x
                for i in range(n):
                    y = y + 1.0
                return y
            """;

    @Test
    void aCloseDuringACallWaitsForItBeforeFreeing() throws Exception {
        try (CompilationUnit cu = Jit.compile(SLOW)) {
            ScriptModule m = cu.toModule("SlowNet");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Tensor x = ones(4)) {
                ((Tensor) m.forward(x, 10)).close(); // warm up the executor so the timed call is the loop alone
                CountDownLatch started = new CountDownLatch(1);
                Future<float[]> call = pool.submit(() -> {
                    started.countDown();
                    try (Tensor y = (Tensor) m.forward(x, 300_000)) {
                        return y.toFloatArray();
                    }
                });
                started.await();
                Thread.sleep(20); // the call is inside LibTorch now
                m.close();
                boolean runningAtClose = !call.isDone();
                boolean freedAtClose = Handles.of(m).isFreed();
                assertTrue(m.isClosed());
                assertTrue(runningAtClose, "the call must still run when close() returns, or this test shows nothing");
                assertFalse(freedAtClose, "the module was freed while a call ran on it");
                float[] out = call.get(60, TimeUnit.SECONDS);
                assertArrayEquals(new float[]{300_001f, 300_001f, 300_001f, 300_001f}, out, 0f, "the call ran to its end on a live module");
                assertTrue(Handles.of(m).isFreed(), "freed once the call ended");
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.forward(x, 1));
                assertEquals("module __torch__.SlowNet is closed", e.getMessage());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closedOwnersNameThemselvesInTheError() throws Exception {
        CompilationUnit cu = Jit.compile("def double(x: Tensor) -> Tensor:\n    return x * 2\n");
        cu.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cu.call("double", 1));
        assertEquals("compilation unit is closed", e.getMessage());
        Tensor t = ones(2);
        t.close();
        e = assertThrows(IllegalStateException.class, t::shape);
        assertEquals("tensor is closed", e.getMessage());
    }

    /**
     * 1,000 rounds: a module is called, inspected, saved and redefined from three threads while the main thread
     * closes it at a random moment. Each call gives the right answer or the "closed" error, nothing else, and
     * the module is freed once the last call has ended.
     */
    @Test
    void closingWhileCallsDefinesAndSavesRunThousandTimes() throws Exception {
        ScriptModule proto = Jit.load(SharedFixtures.pytorch("linrelu.script.dat"));
        byte[] bytes = proto.toBytes();
        int params = proto.namedParameters().size();
        float[] expected;
        try (Tensor x = ones(10); Tensor y = (Tensor) proto.forward(x)) {
            expected = y.toFloatArray();
        }
        proto.close();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        java.util.Random random = new java.util.Random(13);
        try (Tensor x = ones(10)) {
            for (int round = 0; round < 1000; round++) {
                ScriptModule m = Jit.load(bytes);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                work.add(pool.submit(() -> loop(go, completed, refused, () -> {
                    try (Tensor y = (Tensor) m.forward(x)) {
                        assertArrayEquals(expected, y.toFloatArray(), 1e-6f);
                    }
                })));
                work.add(pool.submit(() -> loop(go, completed, refused, () -> {
                    var named = m.namedParameters();
                    named.values().forEach(Tensor::close);
                    assertEquals(params, named.size());
                    m.graphText("forward");
                })));
                work.add(pool.submit(() -> loop(go, completed, refused, () -> {
                    m.define("def twice(self, x: Tensor) -> Tensor:\n    return x * 2\n");
                    m.toBytes();
                })));
                go.countDown();
                if (random.nextBoolean()) Thread.sleep(0, random.nextInt(500_000));
                m.close();
                for (Future<?> f : work) f.get(60, TimeUnit.SECONDS);
                assertTrue(Handles.of(m).isFreed(), "round " + round + ": freed after the last call");
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(refused.get() >= 1000, "every round ended in refused calls: " + refused);
        assertTrue(completed.get() > 0, "some calls ran before the close: " + completed);
    }

    private static Void loop(CountDownLatch go, AtomicInteger completed, AtomicInteger refused, Runnable call) throws InterruptedException {
        go.await();
        while (true) {
            try {
                call.run();
                completed.incrementAndGet();
            } catch (IllegalStateException e) {
                assertTrue(e.getMessage().startsWith("module __torch__.") && e.getMessage().endsWith(" is closed"), e.getMessage());
                refused.incrementAndGet();
                return null;
            }
        }
    }
}
