package io.tsstudio.app.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture contract through the real {@code ./tsstudio} launcher, one JVM per call. Runs in the integration-test
 * phase of {@code mvn verify} (after package made app/target). When the package is missing or older than the sources,
 * the launcher would build first (a nested Maven run), so the test is skipped with a message instead.
 */
class TsstudioScriptIT extends FixtureOutputsContract {
    @BeforeAll
    static void requirePackagedApp() throws IOException {
        Path root = CliRunner.repoRoot();
        Path jar = root.resolve("app/target/tsstudio-app.jar");
        Path lib = root.resolve("app/target/lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            skip("app/target/tsstudio-app.jar or app/target/lib is missing; run 'mvn package' (mvn verify does) to test ./tsstudio");
        }
        Optional<Path> newer = newerSource(root, Files.getLastModifiedTime(jar));
        if (newer.isPresent()) skip(newer.get() + " is newer than the packaged app; run 'mvn package' (mvn verify does) to test ./tsstudio");
    }

    /** Skips the class, saying why on stderr too: surefire counts a class skipped in @BeforeAll as zero tests. */
    private static void skip(String why) {
        System.err.println("TsstudioScriptIT SKIPPED: " + why);
        Assumptions.abort(why);
    }

    private static Optional<Path> newerSource(Path root, FileTime built) throws IOException {
        for (String module : List.of("engine", "ui", "app", "resources")) {
            Path main = root.resolve(module).resolve("src/main");
            if (Files.isRegularFile(root.resolve(module).resolve("pom.xml"))
                    && Files.getLastModifiedTime(root.resolve(module).resolve("pom.xml")).compareTo(built) > 0) {
                return Optional.of(root.resolve(module).resolve("pom.xml"));
            }
            if (!Files.isDirectory(main)) continue;
            try (Stream<Path> files = Files.walk(main)) {
                Optional<Path> found = files.filter(Files::isRegularFile).filter(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(built) > 0;
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst();
                if (found.isPresent()) return found;
            }
        }
        return Files.getLastModifiedTime(root.resolve("pom.xml")).compareTo(built) > 0 ? Optional.of(root.resolve("pom.xml")) : Optional.empty();
    }

    @Override
    CliRunner.Result run(String... args) throws IOException, InterruptedException {
        return CliRunner.script(args);
    }

    @Test
    void versionThroughTheLauncher() throws Exception {
        CliRunner.Result r = run("--version");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("tsstudio"), r.out());
    }
}
