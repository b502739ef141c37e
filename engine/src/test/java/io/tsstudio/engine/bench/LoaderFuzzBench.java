package io.tsstudio.engine.bench;

import io.tsstudio.engine.LoaderFuzz;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The nightly-sized loader fuzz: 10,000 corrupted fixtures through identify, load, graph, code, save, reload and
 * forward. Prints the count reaching each stage, unexpected errors and the time; asserts nothing (the suite's
 * {@code LoaderFuzzTest} runs 1,500 and asserts).
 *
 * <p>Run after {@code mvn -o -q -pl engine -am test-compile}: {@code java -cp engine/target/classes:engine/target/test-classes:<test
 * classpath> io.tsstudio.engine.bench.LoaderFuzzBench [mutants] [seed] [first]}; defaults 10000, 20261126 and 0
 * (mutants before {@code first} are made, not run: to reproduce one, with {@code -Dtsstudio.fuzz.trace=true}).
 */
public final class LoaderFuzzBench {
    private LoaderFuzzBench() {
    }

    public static void main(String[] args) throws Exception {
        int mutants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261126L;
        int from = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path dir = Files.createTempDirectory("tsstudio-fuzz-");
        long start = System.nanoTime();
        LoaderFuzz.Counts c = new LoaderFuzz(seed, dir).run(from, mutants, counts -> {
            if (counts.mutants % 1000 == 0) System.out.printf("%6.1f s  %s%n", (System.nanoTime() - start) / 1e9, counts);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("done in %.1f s (%.1f ms a mutant): %s%n", seconds, seconds * 1000 / c.mutants, c);
        c.failures.stream().limit(50).forEach(f -> System.out.println("UNEXPECTED " + f));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }
}
