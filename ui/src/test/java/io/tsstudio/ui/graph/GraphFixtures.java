package io.tsstudio.ui.graph;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared PyTorch-made fixtures: found by walking up from the working directory to a {@code shared/fixtures}. */
public final class GraphFixtures {
    public static final String[] PYTORCH = {"linrelu.script.dat", "l1000_100_10.script.dat", "scripted.script.dat",
        "func.script.dat", "tuple_out.dat", "list_out.dat", "exported.method.dat", "r-traced-linear.pt"};

    private GraphFixtures() {
    }

    public static Path pytorch(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared/fixtures/pytorch");
            if (Files.isDirectory(f)) {
                return f.resolve(name);
            }
        }
        throw new IllegalStateException("no shared/fixtures above " + Path.of("").toAbsolutePath());
    }
}
