package io.tsstudio.app.interop;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * PyTorch 1.13 from Debian's {@code python3-torch} and {@code python3-torchvision}, called as {@code /usr/bin/python3}
 * (or {@code $TSSTUDIO_PYTHON}) with the small scripts in {@code src/test/resources/interop}. Where it is missing the
 * interop tests are skipped, saying how to install it; with {@code TSSTUDIO_REQUIRE_PYTORCH=1} (set by {@code .ci/run})
 * they fail instead, so CI cannot pass without them.
 */
final class PyTorch {
    static final String REQUIRE = "TSSTUDIO_REQUIRE_PYTORCH";
    /** Python's json writes NaN and Infinity as bare words. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static String version;
    private static String missing;

    private PyTorch() {
    }

    static Path python() {
        String p = System.getenv("TSSTUDIO_PYTHON");
        return Path.of(p == null || p.isBlank() ? "/usr/bin/python3" : p);
    }

    /** PyTorch's version; when PyTorch is missing, skips the calling test (fails it where {@value #REQUIRE}=1). */
    static synchronized String require() {
        if (version == null && missing == null) probe();
        if (missing != null) {
            String why = missing + ". Install it with: sudo apt-get install python3-torch python3-torchvision (Debian 12), "
                    + "or point TSSTUDIO_PYTHON at a python with torch 1.13 and torchvision";
            if ("1".equals(System.getenv(REQUIRE))) fail(REQUIRE + "=1 and " + why);
            System.err.println("interop test SKIPPED: " + why);
            Assumptions.abort(why);
        }
        return version;
    }

    private static void probe() {
        if (!Files.isExecutable(python())) {
            missing = "no python at " + python();
            return;
        }
        try {
            Result r = exec(List.of(python().toString(), "-c", "import numpy, torch, torchvision; print(torch.__version__)"), 120);
            if (r.status == 0) version = r.out.strip();
            else missing = python() + " cannot import torch and torchvision (" + lastLine(r.err) + ")";
        } catch (IOException e) {
            missing = "cannot run " + python() + ": " + e.getMessage();
        }
    }

    /** Runs {@code interop/SCRIPT} with these arguments; a failure shows PyTorch's stderr. */
    static String script(String script, String... args) throws IOException {
        require();
        List<String> command = new ArrayList<>(List.of(python().toString(), resource(script).toString()));
        command.addAll(List.of(args));
        Result r = exec(command, 300);
        if (r.status != 0) fail("PyTorch " + version + " failed (" + String.join(" ", command) + "):\n" + r.err);
        return r.out;
    }

    /** Writes {@code caseJson} and runs {@code run_model.py} on it: PyTorch's results (see the script's doc). */
    static JsonNode runModel(Path dir, JsonNode caseJson) throws IOException {
        Path in = Files.createTempFile(dir, "case-", ".json");
        Path out = Files.createTempFile(dir, "torch-", ".json");
        JSON.writeValue(in.toFile(), caseJson);
        script("run_model.py", in.toString(), out.toString());
        return JSON.readTree(out.toFile());
    }

    private static Path resource(String script) {
        try {
            var url = PyTorch.class.getResource("/interop/" + script);
            if (url == null) throw new IllegalStateException("no test resource interop/" + script);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int status, String out, String err) {
    }

    private static Result exec(List<String> command, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("pytorch-out", ".txt");
        Path err = Files.createTempFile("pytorch-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("OMP_NUM_THREADS", "2");
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
