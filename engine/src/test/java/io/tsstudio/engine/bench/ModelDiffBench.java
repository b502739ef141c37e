package io.tsstudio.engine.bench;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.diff.ModelDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.diff.NumericDiff;
import io.tsstudio.engine.diff.Tolerance;
import io.tsstudio.engine.run.CancelToken;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Issue 16's budget: a diff of two ResNet-sized models with inputs should take at most 3x the time of running both
 * once. Compares a scripted torchvision resnet18 (made with {@code /usr/bin/python3} and torchvision, random
 * weights) with a copy whose {@code layer3.1.conv2.weight} is nudged, on one [1, 3, 224, 224] input. Rounds
 * alternate between the variants; figures are medians, as ratios to running both models once. Prints, asserts
 * nothing.
 *
 * <pre>
 * mvn -o -q -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xss16m -cp engine/target/classes:engine/target/test-classes:$(cat engine/cp.txt) io.tsstudio.engine.bench.ModelDiffBench [rounds] [A.pt B.pt]
 * </pre>
 */
public final class ModelDiffBench {
    private ModelDiffBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("tsstudio-diffbench");
        Path a, b;
        if (args.length >= 3) {
            a = Path.of(args[1]);
            b = Path.of(args[2]);
        } else {
            a = dir.resolve("resnet18.pt");
            b = dir.resolve("resnet18-nudged.pt");
            makeResnet(a);
            nudge(a, b, "layer3.1.conv2.weight");
        }
        System.out.printf(Locale.ROOT, "A=%s (%d bytes)  B=%s  threads=%d  rounds=%d%n", a, Files.size(a), b, Torch.intraOpThreads(), rounds);
        Torch.manualSeed(1);
        try (ScriptModule ma = Jit.load(a); ScriptModule mb = Jit.load(b); Tensor x = Tensors.randn(1, 3, 224, 224)) {
            List<Object> in = List.of(x);
            // warm both executors (the first call optimizes the graph)
            for (int i = 0; i < 2; i++) closeAll(ma.forward(x), mb.forward(x));
            Supplier<Object> runBoth = () -> {
                closeAll(ma.forward(x), mb.forward(x));
                return null;
            };
            Supplier<Object> numeric = () -> ModelDiffer.numeric(ma, mb, "forward", in, Tolerance.DEFAULT,
                    ModelDiffer.DEFAULT_KEEP_BYTES, ModelDiffer.IN_PROCESS, CancelToken.none());
            Supplier<Object> structure = () -> ModelDiffer.compare(ma, mb);
            Supplier<Object> full = () -> ModelDiffer.compare(ma, mb, "forward", in, Tolerance.DEFAULT,
                    ModelDiffer.DEFAULT_KEEP_BYTES, ModelDiffer.IN_PROCESS, CancelToken.none());
            Supplier<Object> observeKeep = () -> {
                try (var o = io.tsstudio.engine.observe.Observer.observe(ma, "forward", in,
                        io.tsstudio.engine.observe.ObserveOptions.keeping(ModelDiffer.DEFAULT_KEEP_BYTES), CancelToken.none())) {
                    closeAll(o.output());
                }
                return null;
            };
            Supplier<Object> observeStats = () -> {
                try (var o = io.tsstudio.engine.observe.Observer.observe(ma, "forward", in,
                        io.tsstudio.engine.observe.ObserveOptions.statisticsOnly(), CancelToken.none())) {
                    closeAll(o.output());
                }
                return null;
            };
            long[] tRun = new long[rounds], tNum = new long[rounds], tStruct = new long[rounds], tFull = new long[rounds];
            long[] tObsKeep = new long[rounds], tObsStats = new long[rounds];
            Object last = null;
            for (int r = 0; r < rounds; r++) {
                tRun[r] = time(runBoth);
                tObsKeep[r] = time(observeKeep);
                tObsStats[r] = time(observeStats);
                tNum[r] = time(numeric);
                tStruct[r] = time(structure);
                long t0 = System.nanoTime();
                last = full.get();
                tFull[r] = System.nanoTime() - t0;
            }
            double run = median(tRun);
            System.out.printf(Locale.ROOT, "run both once        %8.1f ms   1.00x%n", run / 1e6);
            System.out.printf(Locale.ROOT, "observe A, keeping   %8.1f ms   %.2fx  (the observer alone, one model)%n", median(tObsKeep) / 1e6, median(tObsKeep) / run);
            System.out.printf(Locale.ROOT, "observe A, stats     %8.1f ms   %.2fx%n", median(tObsStats) / 1e6, median(tObsStats) / run);
            System.out.printf(Locale.ROOT, "numeric diff         %8.1f ms   %.2fx  (observe both, match calls, compare outputs)%n", median(tNum) / 1e6, median(tNum) / run);
            System.out.printf(Locale.ROOT, "structure+code diff  %8.1f ms   %.2fx  (modules, parameters, code: saves each module once for its code)%n", median(tStruct) / 1e6, median(tStruct) / run);
            System.out.printf(Locale.ROOT, "whole diff           %8.1f ms   %.2fx%n", median(tFull) / 1e6, median(tFull) / run);
            ModelDiff d = (ModelDiff) last;
            NumericDiff n = d.numeric().orElseThrow();
            System.out.printf(Locale.ROOT, "result: %d modules compared, first divergence %s, outputs max abs diff %s, changed parameters %s%n",
                    n.modules().size(), n.firstDivergence().map(f -> f.path()).orElse("none"), n.outputMaxAbsDiff(),
                    d.parameters().stream().filter(p -> p.status() != io.tsstudio.engine.diff.ParameterChange.Status.EQUAL).map(p -> p.name()).toList());
        }
    }

    private static long time(Supplier<Object> s) {
        long t0 = System.nanoTime();
        s.get();
        return System.nanoTime() - t0;
    }

    private static double median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2.0;
    }

    private static void closeAll(Object... values) {
        for (Object v : values) io.tsstudio.engine.values.ValueJson.closeTensors(v);
    }

    private static void makeResnet(Path out) throws Exception {
        String py = "import torch, torchvision, sys\n"
                + "torch.manual_seed(0)\n"
                + "m = torch.jit.script(torchvision.models.resnet18().eval())\n"
                + "m.save(sys.argv[1])\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", py, out.toString()).inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("could not make resnet18 with /usr/bin/python3 and torchvision; pass A.pt B.pt instead");
        }
    }

    private static void nudge(Path from, Path to, String parameter) {
        try (ScriptModule m = Jit.load(from)) {
            Map<String, Tensor> p = m.namedParameters();
            try (NoGrad g = NoGrad.enter(); Tensor channel = p.get(parameter).select(0, 7)) {
                channel.add_(1e-3);
            } finally {
                p.values().forEach(Tensor::close);
            }
            Jit.save(m, to);
        }
    }
}
