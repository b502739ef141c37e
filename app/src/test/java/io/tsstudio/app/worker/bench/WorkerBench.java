package io.tsstudio.app.worker.bench;

import io.tsstudio.engine.Torch;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.ModelSession;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.engine.run.RunStats;
import io.tsstudio.engine.run.Runner;
import io.tsstudio.engine.ScriptModule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Prints (1) the round-trip overhead of one run through the worker process against the same run in-process, on a
 * tiny model, and (2) throughput of 1, 2 and 4 concurrent callers on one module in-process.
 *
 * <pre>mvn -o -q -pl app -am test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.tsstudio.app.worker.bench.WorkerBench</pre>
 */
public final class WorkerBench {
    private static final String ONES_10 = "{\"tensor\":{\"shape\":[10],\"fill\":\"ones\"},\"dtype\":\"float32\"}";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.printf(Locale.ROOT, "LibTorch %s, %d cores, intra-op threads %d%n", Torch.version(),
                java.lang.Runtime.getRuntime().availableProcessors(), Torch.intraOpThreads());
        overhead(rounds);
        scaling();
        System.exit(0);
    }

    private static void overhead(int rounds) throws Exception {
        RunRequest request = new RunRequest("forward", List.of(ONES_10, ONES_10), RunPlan.single());
        long[] inProcess = new long[rounds];
        long[] direct = new long[rounds];
        try (ModelSession session = new ModelSession()) {
            session.load(SharedFixtures.pytorch("func.script.dat"), Device.CPU);
            for (int i = 0; i < rounds; i++) session.run(request, RunListener.NONE, CancelToken.none());
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                session.run(request, RunListener.NONE, CancelToken.none());
                inProcess[i] = System.nanoTime() - t0;
            }
            ScriptModule m = session.module();
            try (var x = io.tsstudio.engine.Tensors.of(new float[10]); var y = io.tsstudio.engine.Tensors.of(new float[10])) {
                for (int i = 0; i < rounds; i++) ((AutoCloseable) m.call("forward", x, y)).close();
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    ((AutoCloseable) m.call("forward", x, y)).close();
                    direct[i] = System.nanoTime() - t0;
                }
            }
        }
        long[] worker = new long[rounds];
        try (WorkerClient client = new WorkerClient(WorkerLaunch.sameAsThisProcess())) {
            client.load(SharedFixtures.pytorch("func.script.dat"), "cpu").get(60, TimeUnit.SECONDS);
            for (int i = 0; i < rounds; i++) client.run(request, RunListener.NONE).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                client.run(request, RunListener.NONE).get(60, TimeUnit.SECONDS);
                worker[i] = System.nanoTime() - t0;
            }
        }
        RunStats d = RunStats.of(direct, 1, 1);
        RunStats p = RunStats.of(inProcess, 1, 1);
        RunStats w = RunStats.of(worker, 1, 1);
        System.out.println("\n== Round trip, func.script.dat forward(ones(10), ones(10)), " + rounds + " runs after " + rounds + " warmup");
        System.out.printf(Locale.ROOT, "%-44s p50 %8.3f ms   p90 %8.3f ms   p99 %8.3f ms%n", "ScriptModule.call (bare call)", d.p50Ms(), d.p90Ms(), d.p99Ms());
        System.out.printf(Locale.ROOT, "%-44s p50 %8.3f ms   p90 %8.3f ms   p99 %8.3f ms%n", "in-process run (args from JSON, output tree+JSON)", p.p50Ms(), p.p90Ms(), p.p99Ms());
        System.out.printf(Locale.ROOT, "%-44s p50 %8.3f ms   p90 %8.3f ms   p99 %8.3f ms%n", "through the worker process", w.p50Ms(), w.p90Ms(), w.p99Ms());
        System.out.printf(Locale.ROOT, "worker overhead vs in-process run: p50 %.3f ms, p90 %.3f ms (target < 2 ms)%n",
                w.p50Ms() - p.p50Ms(), w.p90Ms() - p.p90Ms());
    }

    private static void scaling() throws Exception {
        System.out.println("\n== Concurrent callers on one module in-process (l1000_100_10, input ones(64, 1000))");
        try (ModelSession session = new ModelSession()) {
            session.load(SharedFixtures.pytorch("l1000_100_10.script.dat"), Device.CPU);
            ScriptModule m = session.module();
            System.out.printf(Locale.ROOT, "intra-op threads %d (set OMP_NUM_THREADS to change)%n", Torch.intraOpThreads());
            double base = 0;
            try (var x = io.tsstudio.engine.Tensors.of(ones(64 * 1000), 64, 1000)) {
                for (int callers : new int[] {1, 2, 4}) {
                    RunStats s = new Runner(new RunPlan(200, 4000, callers))
                            .run(() -> m.call("forward", x), v -> ((io.tsstudio.engine.Tensor) v).close(), CancelToken.none()).stats();
                    if (callers == 1) base = s.throughput();
                    System.out.printf(Locale.ROOT, "  %d caller%s: %9.0f calls/s  (x%.2f)   p50 %.3f ms  p99 %.3f ms%n", callers,
                            callers == 1 ? " " : "s", s.throughput(), s.throughput() / base, s.p50Ms(), s.p99Ms());
                }
            }
        }
    }

    private static float[] ones(int n) {
        float[] f = new float[n];
        Arrays.fill(f, 1f);
        return f;
    }
}
