package io.tsstudio.ui.graph.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared PyTorch-made fixtures: found by walking up from the working directory to a {@code shared/fixtures}; the
 * one fixture locator of the ui's tests.
 */
public final class GraphFixtures {
    public static final String[] PYTORCH = {"linrelu.script.dat", "l1000_100_10.script.dat", "scripted.script.dat",
        "func.script.dat", "tuple_out.dat", "list_out.dat", "exported.method.dat", "r-traced-linear.pt"};

    private GraphFixtures() {
    }

    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(f)) return f;
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }

    public static Path pytorch(String name) {
        return root().resolve("pytorch").resolve(name);
    }
}
