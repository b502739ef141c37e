package io.tsstudio.engine.bench;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Torch;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Fixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.observe.ObserveOptions;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.Observer;
import io.tsstudio.engine.run.CancelToken;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 15's benchmark: one observed call ({@code tsstudio profile}'s: node by node, statistics of every output)
 * over one plain call ({@code ScriptModule.call}, LibTorch's graph executor), in the same process, eval mode,
 * input 1x3xSxS ones. Rounds alternate; figures are medians. Prints, asserts nothing. Target: at most 3x.
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes:$(cat cp.txt) io.tsstudio.engine.bench.ProfileOverheadBench [rounds] [extra.pt[:size]]...
 * </pre>
 * Without extra files: mnasnet0_5_script.pt and mobilenet_v2_trace.pt from {@code ../shared/fixtures/pytorch-1.13}.
 */
public final class ProfileOverheadBench {
    /** What {@code tsstudio profile} observes; {@code -Dbench.statistics=true} adds every output's statistics. */
    private static final ObserveOptions OPTIONS = Boolean.getBoolean("bench.statistics") ? ObserveOptions.statisticsOnly() : ObserveOptions.shapesOnly();

    private ProfileOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        List<String> files = new ArrayList<>();
        Path p113 = SharedFixtures.root().resolve("pytorch-1.13");
        files.add(p113.resolve("mnasnet0_5_script.pt") + ":64");
        files.add(p113.resolve("mobilenet_v2_trace.pt") + ":64");
        files.addAll(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        System.out.printf(Locale.ROOT, "intra-op threads %d, %d rounds, eval mode, grad off, %s%n", Torch.intraOpThreads(), rounds,
                OPTIONS.statistics() ? "with statistics of every output" : "shapes only (tsstudio profile)");
        for (String f : files) {
            int colon = f.lastIndexOf(':');
            long size = colon > 0 ? Long.parseLong(f.substring(colon + 1)) : 224;
            bench(Path.of(colon > 0 ? f.substring(0, colon) : f), size, rounds);
        }
    }

    private static void bench(Path file, long size, int rounds) {
        try (ScriptModule m = Jit.load(file); Tensor x = Tensors.ones(1, 3, size, size)) {
            m.eval();
            for (int i = 0; i < 3; i++) { // profiling runs of the graph executor, first-call dispatch, plans
                plain(m, x);
                observed(m, x);
            }
            long[] plain = new long[rounds], observed = new long[rounds];
            int nodes = 0;
            for (int r = 0; r < rounds; r++) {
                plain[r] = plain(m, x);
                long t0 = System.nanoTime();
                try (Observation o = Observer.observe(m, "forward", List.of(x), OPTIONS, CancelToken.none())) {
                    observed[r] = System.nanoTime() - t0;
                    nodes = o.nodes().size();
                    ((Tensor) o.output()).close();
                }
            }
            double p = median(plain) / 1e6, o = median(observed) / 1e6;
            System.out.printf(Locale.ROOT, "%-26s %4dx%-4d %5d nodes  plain %8.2f ms  profile %8.2f ms  ratio %.2f%n",
                    file.getFileName(), size, size, nodes, p, o, o / p);
        }
    }

    private static long plain(ScriptModule m, Tensor x) {
        long t0 = System.nanoTime();
        ((Tensor) m.forward(x)).close();
        return System.nanoTime() - t0;
    }

    private static long observed(ScriptModule m, Tensor x) {
        long t0 = System.nanoTime();
        try (Observation o = Observer.observe(m, "forward", List.of(x), OPTIONS, CancelToken.none())) {
            ((Tensor) o.output()).close();
        }
        return System.nanoTime() - t0;
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
