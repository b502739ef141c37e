package io.tsstudio.engine.bench;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Torch;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.Fixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.PreparedCall;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.internal.torch.RawCalls;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunStats;
import io.tsstudio.engine.run.Runner;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 15 "timing you can trust": the per-call latency the engine's timed loop ({@link Runner} over a
 * {@link PreparedCall}, what {@code run --iterations} and the run panel's benchmark use) reports for the 14 µs
 * {@code linrelu} fixture, against a raw JavaCPP {@code forward} loop timing each call the same way, and against the
 * old loop ({@code ScriptModule.call} per iteration). Eval mode, grad off (InferenceMode) in all three. Rounds
 * alternate so drift hits all alike; figures are medians over rounds of each round's p50. Prints, asserts nothing.
 *
 * <pre>
 * mvn -o -q -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp engine/target/classes:engine/target/test-classes:$(cat engine/cp.txt) io.tsstudio.engine.bench.TimedLoopBench [rounds] [calls]
 * </pre>
 */
public final class TimedLoopBench {
    private TimedLoopBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path file = SharedFixtures.pytorch("linrelu.script.dat");
        System.out.printf(Locale.ROOT, "linrelu.script.dat, forward(ones(10)), eval mode, grad off (InferenceMode); intra-op threads %d; %d rounds x %d calls%n",
                Torch.intraOpThreads(), rounds, calls);
        try (ScriptModule m = Jit.load(file); Tensor x = Tensors.ones(10)) {
            m.eval();
            double[] raw = new double[rounds], prepared = new double[rounds], plain = new double[rounds];
            try (PreparedCall call = m.prepare("forward", true, x)) {
                for (int warm = 0; warm < 2; warm++) { // the graph executor's profiling runs, JIT compilation
                    p50(RawCalls.timedForwardLoop(Handles.of(m), Handles.of(x), calls, true));
                    runner(call, calls);
                    plainRunner(m, x, calls);
                }
                for (int r = 0; r < rounds; r++) {
                    raw[r] = p50(RawCalls.timedForwardLoop(Handles.of(m), Handles.of(x), calls, true));
                    prepared[r] = runner(call, calls).p50Ms() * 1e6;
                    plain[r] = plainRunner(m, x, calls).p50Ms() * 1e6;
                }
            }
            double rawNs = median(raw), preparedNs = median(prepared), plainNs = median(plain);
            System.out.printf(Locale.ROOT, "raw JavaCPP forward loop        p50 %8.0f ns%n", rawNs);
            System.out.printf(Locale.ROOT, "Runner + PreparedCall (engine)  p50 %8.0f ns   ratio %.3f (overhead %+.1f%%)%n",
                    preparedNs, preparedNs / rawNs, 100 * (preparedNs / rawNs - 1));
            System.out.printf(Locale.ROOT, "Runner + ScriptModule.call      p50 %8.0f ns   ratio %.3f (the loop before issue 15)%n",
                    plainNs, plainNs / rawNs);
        }
    }

    private static RunStats runner(PreparedCall call, int calls) throws Exception {
        var r = new Runner(new RunPlan(0, calls, 1)).onCallerThread(call::enterThread)
                .run(call::invoke, PreparedCall.Result::close, CancelToken.none());
        r.output().close();
        return r.stats();
    }

    private static RunStats plainRunner(ScriptModule m, Tensor x, int calls) throws Exception {
        var r = new Runner(new RunPlan(0, calls, 1)).run(() -> m.call("forward", x), o -> ((Tensor) o).close(), CancelToken.none());
        ((Tensor) r.output()).close();
        return r.stats();
    }

    private static double p50(long[] latencies) {
        long[] s = latencies.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
