package io.tsstudio.app.studio;

import java.nio.file.Path;

/** The shared fixtures, found by {@link io.tsstudio.app.worker.Fixtures}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path root() {
        return io.tsstudio.app.worker.Fixtures.root();
    }

    static Path pytorch(String name) {
        return root().resolve("pytorch").resolve(name);
    }

    static Path notTorchScript(String name) {
        return root().resolve("not-torchscript").resolve(name);
    }
}
