package io.tsstudio.app.worker;

import java.nio.file.Files;
import java.nio.file.Path;

/** TorchScript sources the worker tests run (fixture files are located by {@code io.tsstudio.testkit.SharedFixtures}). */
public final class Fixtures {
    private Fixtures() {
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
