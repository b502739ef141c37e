package io.tsstudio.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared/fixtures} by walking up from the working directory (surefire runs in the module directory, a
 * worktree sits beside {@code shared/}): the one fixture locator of every module's tests.
 */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    /** The fixtures folder; IllegalStateException naming the working directory when none is found above it. */
    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(f)) return f;
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }

    /** The project's own fixtures: {@code fixtures/} at the reactor root (the folder that holds {@code testkit/}). */
    public static Path project() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testkit")) && Files.isDirectory(p.resolve("fixtures"))) return p.resolve("fixtures");
        }
        throw new IllegalStateException("the project's fixtures/ not found above " + Path.of("").toAbsolutePath());
    }

    /** A file or folder under the fixtures folder, e.g. {@code "pytorch/linrelu.script.dat"}. */
    public static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /** A TorchScript archive written by PyTorch ({@code fixtures/pytorch/NAME}). */
    public static Path pytorch(String name) {
        return root().resolve("pytorch").resolve(name);
    }

    /** A file that is not TorchScript ({@code fixtures/not-torchscript/NAME}). */
    public static Path notTorchScript(String name) {
        return root().resolve("not-torchscript").resolve(name);
    }
}
