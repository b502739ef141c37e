package io.tsstudio.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Corrupted copies of the fixtures go through identify, load, graph, code, save and forward ({@link LoaderFuzz}):
 * errors the studio shows are expected, any other exception, an Error or a JVM crash fails the run. The nightly
 * size (10,000) is {@code bench.LoaderFuzzBench}.
 */
class LoaderFuzzTest {
    // with this seed 1,127 of them reach LibTorch (deterministic); fewer than before the archive integrity checks,
    // which now refuse shortened tensor data in Java (LoaderFuzzBench 10000: 5,601 of 10,000)
    private static final int MUTANTS = 2000;

    @TempDir
    Path tmp;

    @Test
    void corruptedFixturesGetClearErrorsAtEveryStage() throws Exception {
        LoaderFuzz.Counts c = new LoaderFuzz(20261126, tmp).run(MUTANTS, counts -> { });
        System.out.println("LoaderFuzzTest: " + c);
        assertTrue(c.failures.isEmpty(), c.failures.size() + " errors the studio could not show, first: "
                + String.join("\n", c.failures.subList(0, Math.min(10, c.failures.size()))));
        assertEquals(MUTANTS, c.mutants);
        assertTrue(c.reachedLibTorch > 1000, "only " + c.reachedLibTorch + " mutants were handed to LibTorch's loader");
        assertTrue(c.loaded < c.reachedLibTorch, "LibTorch refused none of the mutants: " + c);
        assertTrue(c.expectedErrors > 0);
        // every stage past load was reached by some mutants, so the deeper stages are exercised, not skipped
        assertTrue(c.graphsRead > 0 && c.codeRead > 0 && c.saved > 0 && c.forwardRan > 0, c.toString());
    }
}
