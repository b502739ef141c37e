package io.tsstudio.engine;

import io.tsstudio.testkit.SharedFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** One module called from four threads at once gives the same results as sequential calls. */
class ConcurrencyTest {
    @Test
    void fourThreadsShareOneModule() throws Exception {
        int threads = 4;
        int callsPerThread = 200;
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("l1000_100_10.script.dat"))) {
            Random r = new Random(7);
            List<Tensor> inputs = new ArrayList<>();
            List<float[]> expected = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Tensor x = Fixtures.rand(r, 1000);
                inputs.add(x);
                try (Tensor out = (Tensor) m.forward(x)) {
                    expected.add(out.toFloatArray());
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Integer> job = () -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < callsPerThread; i++) {
                        int k = (thread + i) % inputs.size();
                        try (Tensor out = (Tensor) m.forward(inputs.get(k))) {
                            Fixtures.assertClose(expected.get(k), out.toFloatArray());
                        }
                        checked++;
                    }
                    return checked;
                };
                results.add(pool.submit(job));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) total += f.get(120, TimeUnit.SECONDS);
            pool.shutdown();
            assertEquals(threads * callsPerThread, total);
            inputs.forEach(Tensor::close);
        }
    }
}
