package io.tsstudio.engine.bench;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ops.ArchiveOperators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What providing torchvision's operators costs at open: {@code ArchiveOperators.prepare} (scan the code, write the
 * redirected copy) against the whole {@code Jit.load}, per archive; medians of 5 after a warm-up. Arguments: extra
 * archives (e.g. a scripted fasterrcnn_mobilenet_v3_large_320_fpn). Run as IrReadBench says:
 * java -cp engine/target/classes:engine/target/test-classes:$(cat /tmp/cp.txt) io.tsstudio.engine.bench.OperatorProvisionBench [FILE.pt]...
 */
public final class OperatorProvisionBench {
    private OperatorProvisionBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>(List.of(SharedFixtures.root().resolve("torchvision-ops/tvops.script.pt")));
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("fixtures/detection");
            if (Files.isDirectory(d)) {
                files.add(d.resolve("tiny_fasterrcnn.script.pt"));
                files.add(d.resolve("tiny_maskrcnn.script.pt"));
                break;
            }
        }
        for (String a : args) files.add(Path.of(a));
        System.out.printf("%-32s %10s %12s %12s %8s%n", "archive", "MB", "prepare ms", "load ms", "share");
        for (Path f : files) {
            double[] prep = new double[5];
            double[] load = new double[5];
            for (int i = -1; i < 5; i++) {
                long t0 = System.nanoTime();
                try (ArchiveOperators.Prepared p = ArchiveOperators.prepare(f)) {
                    long t1 = System.nanoTime();
                    if (i >= 0) prep[i] = (t1 - t0) / 1e6;
                }
                long t2 = System.nanoTime();
                try (ScriptModule m = Jit.load(f)) {
                    if (i >= 0) load[i] = (System.nanoTime() - t2) / 1e6;
                }
            }
            double p = median(prep);
            double l = median(load);
            System.out.printf("%-32s %10.1f %12.1f %12.1f %7.0f%%%n", f.getFileName(), Files.size(f) / 1e6, p, l, 100 * p / l);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
