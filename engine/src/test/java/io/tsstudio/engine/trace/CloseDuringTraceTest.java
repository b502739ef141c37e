package io.tsstudio.engine.trace;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.nn.Linear;
import io.tsstudio.engine.nn.Module;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The tracer and the module builder use native modules and tensors only through their lifetimes (issue 13 item 4):
 * closing a script module while a Java module that holds it is being traced, and while it is called, never frees it
 * under the trace or the call. Each trace either completes (and its result runs, holding its own reference to the
 * child) or fails with the "closed" IllegalStateException; nothing else, and no crash.
 */
class CloseDuringTraceTest {
    /** A Java module around a script module child: the trace records a call into the child. */
    static final class Wrapper extends Module {
        final Linear first = registerModule("first", new Linear(4, 4));
        final ScriptModule child;

        Wrapper(ScriptModule child) {
            this.child = registerModule("child", child);
        }

        @Override
        public Object forward(Object... in) {
            return child.forward(first.forward((Tensor) in[0]));
        }
    }

    @Test
    void closingAChildWhileTracesAndCallsRunThousandTimes() throws Exception {
        byte[] childBytes;
        try (ScriptModule proto = Tracer.trace(new Linear(4, 4), Tensors.randn(2, 4))) {
            proto.eval();
            childBytes = proto.toBytes();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger traced = new AtomicInteger();
        AtomicInteger refusedTraces = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        Random random = new Random(7);
        try (Tensor x = Tensors.randn(2, 4)) {
            for (int round = 0; round < 1000; round++) {
                ScriptModule child = Jit.load(childBytes);
                Wrapper wrapper = new Wrapper(child);
                wrapper.eval();
                Tensor expected = (Tensor) wrapper.forward(x);
                CountDownLatch go = new CountDownLatch(1);
                Future<ScriptModule> trace = pool.submit(() -> {
                    go.await();
                    try {
                        return Tracer.trace(wrapper, x);
                    } catch (IllegalStateException e) {
                        assertClosedError(e);
                        refusedTraces.incrementAndGet();
                        return null;
                    }
                });
                Future<?> caller = pool.submit((Callable<Void>) () -> {
                    go.await();
                    while (true) {
                        try (Tensor y = (Tensor) child.forward(x)) {
                            calls.incrementAndGet();
                        } catch (IllegalStateException e) {
                            assertClosedError(e);
                            return null;
                        }
                    }
                });
                go.countDown();
                if (random.nextBoolean()) Thread.sleep(0, random.nextInt(800_000));
                child.close();
                ScriptModule result = trace.get(60, TimeUnit.SECONDS);
                caller.get(60, TimeUnit.SECONDS);
                assertTrue(io.tsstudio.engine.internal.torch.Handles.of(child).isFreed(), "round " + round + ": the child is freed once its uses ended");
                if (result != null) {
                    traced.incrementAndGet();
                    try (result; Tensor y = (Tensor) result.forward(x)) {
                        assertTrue(y.allclose(expected, 1e-5, 1e-6), "round " + round + ": the traced module runs its own copy of the child");
                    }
                }
                expected.close();
                wrapper.first.parameters().forEach(Tensor::close);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("CloseDuringTraceTest: traced " + traced + ", refused " + refusedTraces + ", calls " + calls);
        assertEquals(1000, traced.get() + refusedTraces.get());
        assertTrue(refusedTraces.get() > 0, "no close landed during a trace: the test showed nothing");
        assertTrue(traced.get() > 0, "no trace finished before the close");
    }

    /** Closing the traced result while calls run on it, and tracing with a closed parameter. */
    @Test
    void aClosedParameterOrResultGivesTheClosedError() throws Exception {
        Linear linear = new Linear(4, 4);
        linear.eval();
        linear.parameters().get(0).close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tracer.trace(linear, Tensors.randn(2, 4)));
        assertEquals("tensor is closed", e.getMessage());

        ScriptModule traced = Tracer.trace(new Linear(4, 4), Tensors.randn(2, 4));
        traced.close();
        Wrapper wrapper = new Wrapper(traced);
        e = assertThrows(IllegalStateException.class, () -> Tracer.trace(wrapper, Tensors.randn(2, 4)));
        assertClosedError(e);
    }

    private static void assertClosedError(IllegalStateException e) {
        assertTrue(e.getMessage() != null && e.getMessage().matches("module __torch__\\.\\w+ is closed"), String.valueOf(e.getMessage()));
    }
}
