package io.tsstudio.app.studio;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/fixtures} beside the checkout, walking up from the working directory. */
final class Fixtures {
    private Fixtures() {
    }

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) return candidate;
            Path inside = p.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(inside)) return inside;
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }

    static Path pytorch(String name) {
        return root().resolve("pytorch").resolve(name);
    }

    static Path notTorchScript(String name) {
        return root().resolve("not-torchscript").resolve(name);
    }
}
