package io.tsstudio.engine.bench;

import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ir.IrDot;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrGraphs;
import io.tsstudio.engine.ir.IrJson;

import java.util.Locale;

/**
 * How long reading a graph into the IR model and exporting it takes, for graphs of growing size (a straight chain
 * of ops plus a loop with a branch every 50 ops). Prints figures; asserts nothing.
 * Run from the repository root:
 * <pre>
 * mvn -o -q -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xss16m -cp engine/target/test-classes:engine/target/classes:$(cat /tmp/cp.txt) io.tsstudio.engine.bench.IrReadBench
 * </pre>
 */
public final class IrReadBench {
    private IrReadBench() {
    }

    public static String source(int ops) {
        StringBuilder sb = new StringBuilder("def f(x: Tensor, n: int) -> Tensor:\n    y = x\n");
        for (int i = 0; i < ops; i++) {
            if (i % 50 == 49) {
                sb.append("    for j in range(n):\n        if j > ").append(i % 7).append(":\n            y = y * 1.5\n        else:\n            y = y - 1\n");
            } else {
                sb.append("    y = torch.relu(y + ").append(i).append(")\n");
            }
        }
        return sb.append("    return y\n").toString();
    }

    public static void main(String[] args) {
        for (int ops : new int[] {100, 1000, 5000, 20000}) {
            try (CompilationUnit cu = Jit.compile(source(ops))) {
                (cu.function("f")).graph(); // warm up the path
                long t0 = System.nanoTime();
                IrGraph g = (cu.function("f")).graph();
                long t1 = System.nanoTime();
                IrGraph folded = IrGraphs.constantsFolded(g);
                long t2 = System.nanoTime();
                int json = IrJson.write(g).length();
                long t3 = System.nanoTime();
                int dot = IrDot.write(folded).length();
                long t4 = System.nanoTime();
                System.out.printf(Locale.ROOT, "%6d source ops: %6d nodes, %6d values | read %8.1f ms | fold %6.1f ms | json %7.1f ms (%,d chars) | dot %6.1f ms (%,d chars)%n",
                        ops, IrGraphs.allNodes(g).size(), g.values().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, json, (t4 - t3) / 1e6, dot);
            }
        }
    }
}
