package io.tsstudio.engine.bench;

import io.tsstudio.engine.Tensors;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.internal.torch.NativeTensor;
import io.tsstudio.engine.internal.torch.RawCalls;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Call overhead of {@link ScriptModule#forward} against raw JavaCPP {@code JitModule.forward} on the same loaded
 * fixture, batch 1, in one run. Rounds alternate between the variants so drift hits all of them alike; the figure is
 * the median over rounds. Prints figures, asserts nothing.
 *
 * <pre>
 * mvn -o -q -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp engine/target/classes:engine/target/test-classes:$(cat engine/cp.txt) io.tsstudio.engine.bench.CallOverheadBench [rounds] [callsPerRound]
 * </pre>
 */
public final class CallOverheadBench {
    private CallOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path fixtures = findFixtures();
        System.out.printf(Locale.ROOT, "rounds=%d calls/round=%d threads=%s%n", rounds, calls, io.tsstudio.engine.Torch.intraOpThreads());
        bench(fixtures.resolve("linrelu.script.dat"), new long[] {1, 10}, rounds, calls);
        bench(fixtures.resolve("l1000_100_10.script.dat"), new long[] {1, 1000}, rounds, calls / 4);
    }

    private static void bench(Path file, long[] shape, int rounds, int calls) {
        try (ScriptModule m = Jit.load(file); Tensor x = ones(shape)) {
            NativeTensor in = Handles.of(x);
            LongSupplier raw = () -> time(calls, () -> RawCalls.forward(Handles.of(m), in).close());
            LongSupplier rawInference = () -> time(calls, () -> RawCalls.forwardInferenceMode(Handles.of(m), in).close());
            LongSupplier engine = () -> time(calls, () -> ((Tensor) m.forward(x)).close());

            // As loaded the module is training: the engine calls without InferenceMode, like the plain raw call.
            compare(file, "training (as loaded)", "raw JitModule.forward", raw, engine, rounds, calls);
            // In eval mode the engine uses InferenceMode; the fair raw baseline does the same.
            m.eval();
            compare(file, "eval", "raw forward + InferenceMode", rawInference, engine, rounds, calls);
        }
    }

    private static void compare(Path file, String mode, String rawName, LongSupplier raw, LongSupplier engine, int rounds, int calls) {
        for (int i = 0; i < 3; i++) { // warm up: profiling runs of the graph executor, JIT compilation
            engine.getAsLong();
            raw.getAsLong();
        }
        long[] r = new long[rounds];
        long[] e = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            r[i] = raw.getAsLong();
            e[i] = engine.getAsLong();
        }
        double rawNs = median(r) / (double) calls;
        double engNs = median(e) / (double) calls;
        System.out.printf(Locale.ROOT, "%-24s %-21s %-28s %9.0f ns/call | ScriptModule.forward %9.0f ns/call | ratio %.3f%n",
                file.getFileName(), mode, rawName, rawNs, engNs, engNs / rawNs);
    }

    private static long time(int calls, Runnable call) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) call.run();
        return System.nanoTime() - t0;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static Tensor ones(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] v = new float[(int) n];
        Arrays.fill(v, 1f);
        return Tensors.of(v, shape);
    }

    private static Path findFixtures() {
        return SharedFixtures.root().resolve("pytorch");
    }
}
