package io.tsstudio.engine.trace;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.nn.Functional;
import io.tsstudio.engine.nn.Linear;
import io.tsstudio.engine.nn.ReLU;
import io.tsstudio.engine.nn.Sequential;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** Traces are per thread: several threads trace functions and modules at once without seeing each other's ops. */
class ConcurrentTraceTest {
    @Test
    void fourThreadsTraceAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                final int seed = k;
                results.add(pool.submit(() -> {
                    Sequential net = new Sequential(new Linear(6, 8), new ReLU(), new Linear(8, 2));
                    net.eval();
                    ScriptModule m = Tracer.trace(net, Tensors.randn(3, 6));
                    TracedFunction f = Tracer.trace(x -> Functional.relu(x.mul((double) seed)), Tensors.randn(4));
                    Tensor x = Tensors.randn(5, 6);
                    boolean moduleOk = ((Tensor) m.forward(x)).allclose(net.forward(x), 1e-5, 1e-6);
                    Tensor y = Tensors.randn(7);
                    boolean fnOk = ((Tensor) f.call(y)).allclose(Functional.relu(y.mul((double) seed)));
                    boolean graphClean = f.graph().split("aten::").length == 3; // exactly mul and relu, nothing from other threads
                    return moduleOk && fnOk && graphClean;
                }));
            }
            for (Future<Boolean> r : results) assertTrue(r.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
