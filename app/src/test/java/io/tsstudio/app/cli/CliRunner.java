package io.tsstudio.app.cli;

import io.tsstudio.testkit.SharedFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line in-process (captured writers) or through the real {@code ./tsstudio} script. */
final class CliRunner {
    record Result(int status, String out, String err) {
    }

    private CliRunner() {
    }

    static Result inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    /** Runs {@code ./tsstudio ARGS} from the repository root in a separate process. */
    static Result script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", repoRoot().resolve("tsstudio").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repoRoot().toFile());
        Path outFile = Files.createTempFile("tsstudio-out", ".txt");
        Path errFile = Files.createTempFile("tsstudio-err", ".txt");
        pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        try {
            Process p = pb.start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("./tsstudio " + String.join(" ", args) + " did not finish in 3 minutes");
            }
            return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8), Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }

    /** The directory holding the {@code tsstudio} script and the parent pom. */
    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("tsstudio")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        throw new IllegalStateException("no repository root (with ./tsstudio) above " + Path.of("").toAbsolutePath());
    }

    /** The shared fixtures folder. */
    static Path fixtures() {
        return SharedFixtures.root();
    }
}
