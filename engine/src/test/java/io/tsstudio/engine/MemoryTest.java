package io.tsstudio.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** 10,000 calls leave resident memory flat: every native temporary is freed by the call's scope. */
class MemoryTest {
    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static void calls(ScriptModule linrelu, ScriptModule tupleOut, CompilationUnit cu, Tensor x, Tensor a, int n) {
        for (int i = 0; i < n; i++) {
            try (Tensor out = (Tensor) linrelu.forward(x)) {
                assertEquals(6, out.numel());
            }
            JitTuple t = (JitTuple) tupleOut.forward(a, a);
            for (Object o : t.values()) ((Tensor) o).close();
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) cu.call("f", List.of(1L, 2L, 3L), Map.of("k", a));
            ((Tensor) d.get("k")).close();
        }
    }

    @Test
    void tenThousandCallsKeepResidentMemoryFlat() throws IOException {
        assumeLinux();
        try (ScriptModule linrelu = Jit.load(Fixtures.pytorch("linrelu.script.dat"));
             ScriptModule tupleOut = Jit.load(Fixtures.pytorch("tuple_out.dat"));
             CompilationUnit cu = Jit.compile("def f(xs: List[int], d: Dict[str, Tensor]) -> Dict[str, Tensor]:\n"
                     + "    out: Dict[str, Tensor] = {}\n"
                     + "    for k, v in d.items():\n"
                     + "        out[k] = v * len(xs)\n"
                     + "    return out\n");
             Tensor x = Fixtures.ones(10); Tensor a = Fixtures.ones(64, 64)) {
            calls(linrelu, tupleOut, cu, x, a, 1_000); // warm up: allocator pools, JIT profiling, executor plans
            System.gc();
            long before = residentKb();
            calls(linrelu, tupleOut, cu, x, a, 10_000);
            System.gc();
            long growthMb = (residentKb() - before) / 1024;
            assertTrue(growthMb < 50, "resident memory grew by " + growthMb + " MB over 10,000 calls");
        }
    }

    private static void assumeLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/status")), "needs /proc");
    }
}
