package io.tsstudio.app.studio.bench;

import io.tsstudio.app.studio.CompareRuns;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.InputsDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.diff.Tolerance;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.testkit.SharedFixtures;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What moving a comparison's runs into the worker costs: the numeric part of a compare of a model with itself, in
 * this process (the baseline, as the studio did it before) against {@link CompareRuns} (both modules saved to a temp
 * folder, loaded and run in the comparisons' worker, the result sent back as JSON), in one run. Median of 5 after
 * one warm-up each. Args: model files (default: the pytorch-1.13 fixtures mnasnet0_5 and vit_tiny).
 */
public final class CompareRunsBench {
    private CompareRunsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = SharedFixtures.root().resolve("pytorch-1.13");
        List<Path> models = args.length > 0 ? Arrays.stream(args).map(Path::of).toList()
                : List.of(fixtures.resolve("mnasnet0_5_script.pt"), fixtures.resolve("vit_tiny_script.pt"));
        try (CompareRuns worker = new CompareRuns(WorkerLaunch.sameAsThisProcess())) {
            for (Path model : models) {
                try (ScriptModule a = Jit.load(model); ScriptModule b = Jit.load(model)) {
                    double here = medianMs(() -> InputsDiff.run(a, b, "forward", List.of(), Tolerance.DEFAULT,
                            ModelDiffer.DEFAULT_KEEP_BYTES, CancelToken.none()));
                    double there = medianMs(() -> worker.run(a, b, "forward", CancelToken.none()).join());
                    System.out.printf(Locale.ROOT, "%-26s in process %8.1f ms   worker %8.1f ms   ratio %.2f%n",
                            model.getFileName(), here, there, there / here);
                }
            }
        }
    }

    private static double medianMs(Runnable r) {
        r.run();
        double[] t = new double[5];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
