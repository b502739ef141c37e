package io.tsstudio.ui.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/fixtures} by walking up from the working directory (module dir under surefire). */
final class Fixtures {
    private Fixtures() {
    }

    static Path pytorch(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path f = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(f)) return f.resolve("pytorch").resolve(name);
            Path sibling = dir.resolveSibling("shared").resolve("fixtures");
            if (Files.isDirectory(sibling)) return sibling.resolve("pytorch").resolve(name);
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }
}
