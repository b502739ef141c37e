package io.tsstudio.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * "No class over 500 lines except ones that are one algorithm": a source file over the limit fails unless it is
 * listed as one algorithm with a reason. A listed file that is gone or back under the limit fails too, so the list
 * of exceptions cannot outlive its reasons. Counted on source files (every line, comments included) because that
 * is what a reader has to hold in mind; ArchUnit sees only bytecode.
 */
public final class ClassSizeRule {
    /** The limit the redesign step set (issue 14). */
    public static final int MAX_LINES = 500;

    private final int maxLines;
    private final Map<String, String> oneAlgorithm;

    /**
     * @param oneAlgorithm source paths relative to the source root ({@code io/tsstudio/x/Y.java}) that may be longer,
     *                     each with the reason why it is one algorithm
     */
    public ClassSizeRule(int maxLines, Map<String, String> oneAlgorithm) {
        this.maxLines = maxLines;
        oneAlgorithm.forEach((path, why) -> {
            if (why == null || why.isBlank()) throw new IllegalArgumentException(path + " is listed as one algorithm without a reason");
        });
        this.oneAlgorithm = Map.copyOf(oneAlgorithm);
    }

    /** What breaks the rule under {@code sourceRoot}, one line each; empty when it holds. */
    public List<String> violations(Path sourceRoot) {
        Objects.requireNonNull(sourceRoot);
        if (!Files.isDirectory(sourceRoot)) throw new IllegalArgumentException("no source folder " + sourceRoot.toAbsolutePath());
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                sizes.put(sourceRoot.relativize(f).toString().replace('\\', '/'), lineCount(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        sizes.forEach((path, lines) -> {
            if (lines > maxLines && !oneAlgorithm.containsKey(path)) {
                out.add(path + " has " + lines + " lines (limit " + maxLines + "): split it by job, or list it as one algorithm with the reason");
            }
        });
        oneAlgorithm.keySet().stream().sorted().forEach(path -> {
            Long lines = sizes.get(path);
            if (lines == null) out.add(path + " is listed as one algorithm but does not exist");
            else if (lines <= maxLines) out.add(path + " is listed as one algorithm but has only " + lines + " lines: drop it from the list");
        });
        return out;
    }

    /** Throws an {@link AssertionError} listing every violation. */
    public void check(Path sourceRoot) {
        List<String> v = violations(sourceRoot);
        if (!v.isEmpty()) throw new AssertionError("classes over " + maxLines + " lines:\n  " + String.join("\n  ", v));
    }

    private static long lineCount(Path f) throws IOException {
        try (Stream<String> lines = Files.lines(f)) {
            return lines.count();
        }
    }
}
