package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.internal.torch.ValueFiles;
import io.tsstudio.engine.run.NpyWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --arg @FILE.json} and tensors from .npy / .pt files, with a 1 MiB tensor argument. */
class CliLargeArgumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 262_144; // float32: 1 MiB

    @TempDir
    Path tmp;
    Path model;

    @BeforeEach
    void compileModel() throws IOException {
        Path src = tmp.resolve("total.py");
        Files.writeString(src, "def total(x: Tensor) -> Tensor:\n    return x.double().sum()\n");
        model = tmp.resolve("total.pt");
        CliRunner.Result r = CliRunner.inProcess("compile", src.toString(), "-o", model.toString());
        assertEquals(0, r.status(), r.err());
    }

    private double runTotal(String arg) throws IOException {
        CliRunner.Result r = CliRunner.inProcess("run", model.toString(), "--method", "total", "--arg", arg, "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode v = JSON.readTree(r.out()).get("output").get("tensor").get("values");
        return v.isArray() ? v.get(0).asDouble() : v.asDouble();
    }

    private static float value(int i) {
        return (i % 97) * 0.25f;
    }

    private static double expectedSum() {
        double s = 0;
        for (int i = 0; i < N; i++) s += value(i);
        return s;
    }

    @Test
    void aOneMebibyteTensorFromAJsonFile() throws IOException {
        StringBuilder sb = new StringBuilder(N * 6).append("{\"tensor\": [");
        for (int i = 0; i < N; i++) sb.append(i == 0 ? "" : ",").append(value(i));
        sb.append("]}");
        Path json = tmp.resolve("big.json");
        Files.writeString(json, sb, StandardCharsets.UTF_8);
        assertTrue(Files.size(json) > 1 << 20, "more than a command line takes: " + Files.size(json));
        assertEquals(expectedSum(), runTotal("@" + json), 1e-6);
    }

    private Tensor big() {
        float[] v = new float[N];
        for (int i = 0; i < N; i++) v[i] = value(i);
        return Tensor.of(v, new long[] {N});
    }

    @Test
    void aTensorFromAnNpyFile() throws IOException {
        Path npy = tmp.resolve("x.npy");
        try (Tensor t = big()) {
            NpyWriter.write(t, npy);
        }
        assertEquals(expectedSum(), runTotal(JSON.createObjectNode().set("tensor", JSON.createObjectNode().put("file", npy.toString())).toString()), 1e-6);
    }

    @Test
    void aTensorFromATorchSaveFile() throws IOException {
        Path pt = tmp.resolve("x.pt");
        try (Tensor t = big()) {
            ValueFiles.save(t, pt);
        }
        assertEquals(expectedSum(), runTotal("{\"tensor\": {\"file\": \"" + pt.toString().replace("\\", "\\\\") + "\"}}"), 1e-6);
    }

    @Test
    void aMissingArgumentFileIsAUserError() {
        CliRunner.Result r = CliRunner.inProcess("run", model.toString(), "--method", "total", "--arg", "@" + tmp.resolve("nope.json"));
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no such file"), r.err());
        CliRunner.Result t = CliRunner.inProcess("run", model.toString(), "--method", "total", "--arg", "{\"tensor\": {\"file\": \"nope.npy\"}}");
        assertEquals(2, t.status());
        assertTrue(t.err().contains("tensor file not found: nope.npy"), t.err());
    }
}
