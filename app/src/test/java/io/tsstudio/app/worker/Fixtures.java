package io.tsstudio.app.worker;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared/fixtures} by walking up from the working directory (module dir under surefire); the one fixture
 * locator of the app's tests.
 */
public final class Fixtures {
    private Fixtures() {
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

    /** TorchScript that never returns: only killing the process stops it. */
    public static final String LOOP_FOREVER = """
            def forward(x: Tensor) -> Tensor:
                y = x
                while True:
                    y = y + 1
                return y
            """;

    /** TorchScript that asks for 4 TiB. */
    public static final String ALLOCATE_TOO_MUCH = """
            def forward(x: Tensor) -> Tensor:
                return torch.zeros([1 << 40]) + x.sum()
            """;

    public static Path script(Path dir, String name, String source) throws java.io.IOException {
        return Files.writeString(dir.resolve(name), source);
    }
}
