package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.values.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code tsstudio run --json} must give for every file in ../shared/fixtures (values from the fixtures' README),
 * checked in-process ({@link CliFixtureOutputsTest}) and through the real launcher script ({@link TsstudioScriptIT}).
 */
abstract class FixtureOutputsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final double RTOL = 1e-4;
    static final double ATOL = 1e-5;

    /** Runs the command line with these arguments. */
    abstract CliRunner.Result run(String... args) throws IOException, InterruptedException;

    static String pytorch(String name) {
        return CliRunner.fixtures().resolve("pytorch").resolve(name).toString();
    }

    interface Runner {
        CliRunner.Result run(String... args) throws IOException, InterruptedException;
    }

    static JsonNode runJson(Runner runner, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        all.add("--json");
        CliRunner.Result r;
        try {
            r = runner.run(all.toArray(String[]::new));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    static String ones(long n) {
        return "{\"tensor\": {\"shape\": [" + n + "], \"fill\": \"ones\"}}";
    }

    static void assertClose(double[] expected, JsonNode values) {
        assertEquals(expected.length, values.size(), values.toString());
        for (int i = 0; i < expected.length; i++) {
            double actual = values.get(i).asDouble();
            assertTrue(Math.abs(actual - expected[i]) <= ATOL + RTOL * Math.abs(expected[i]), "element " + i + ": " + actual + " vs " + expected[i]);
        }
    }

    static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(actual[i] - expected[i]) <= ATOL + RTOL * Math.abs(expected[i]), "element " + i + ": " + actual[i] + " vs " + expected[i]);
        }
    }

    static double[] doubles(JsonNode values) {
        List<Double> out = new ArrayList<>();
        flatten(values, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (n.isArray()) n.forEach(e -> flatten(e, out));
        else out.add(n.asDouble());
    }

    // ---------------------------------------------------------------- run: every fixture gives its README's outputs

    @Test
    void linrelu() throws IOException {
        JsonNode r = runJson(this::run, pytorch("linrelu.script.dat"), "--arg", ones(10));
        assertEquals(Set.of("method", "device", "output", "timing"), keys(r));
        assertEquals("forward", r.get("method").asText());
        assertEquals("cpu", r.get("device").asText());
        JsonNode t = r.get("output").get("tensor");
        assertEquals(Set.of("dtype", "shape", "device", "values", "min", "max", "mean"), keys(t));
        assertEquals("[6]", t.get("shape").toString());
        assertEquals("float32", t.get("dtype").asText());
        assertClose(new double[] {0.313458264, 0, 0.9996568, 0, 0, 0}, t.get("values"));
        assertEquals(0.0, t.get("min").asDouble());
        assertEquals(0.9996568, t.get("max").asDouble(), 1e-5);
        JsonNode timing = r.get("timing");
        assertEquals(Set.of("warmup", "iterations", "min_ms", "p50_ms", "p90_ms", "max_ms", "mode", "intra_op_threads"), keys(timing));
        assertEquals(0, timing.get("warmup").asInt());
        assertEquals(1, timing.get("iterations").asInt());
        assertEquals("training", timing.get("mode").asText(), "linrelu was saved in training mode and is timed as it is");
        assertTrue(timing.get("intra_op_threads").asInt() >= 1, timing.toString());
    }

    @Test
    void nestedSequential() throws IOException {
        JsonNode t = runJson(this::run, pytorch("l1000_100_10.script.dat"), "--arg", ones(1000)).get("output").get("tensor");
        assertEquals("[10]", t.get("shape").toString());
        assertClose(new double[] {0.564213157, -0.04519982, -0.005117342, 0.395530462, -0.3780813, -0.004734449, -0.3221216, -0.289159119,
                0.268511474, 0.180702567}, t.get("values"));
    }

    @Test
    void nestedSequentialWithTheWrongShapeIsAClearUserError() throws Exception {
        CliRunner.Result r = run("run", pytorch("l1000_100_10.script.dat"), "--arg", ones(100), "--json");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("tsstudio: "), r.err());
        assertTrue(r.err().contains("100") && r.err().contains("1000"), r.err());
        assertFalse(r.err().contains("Exception raised from"), r.err());
    }

    @Test
    void scripted() throws IOException {
        JsonNode t = runJson(this::run, pytorch("scripted.script.dat"), "--arg", ones(6)).get("output").get("tensor");
        assertClose(new double[] {1.554085, 1.01024628, -1.35086036, -1.84021854, 0.0127189457, 0.5994258}, t.get("values"));
    }

    @Test
    void functionOfTwoArguments() throws IOException {
        JsonNode t = runJson(this::run, pytorch("func.script.dat"), "--arg", ones(10), "--arg", ones(10)).get("output").get("tensor");
        assertClose(new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, t.get("values"));
    }

    private static final String X = "{\"tensor\": [[0.5, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11.25]]}";
    private static final String Y = "{\"tensor\": [[1, 1, 1, 1], [2, 2, 2, 2], [0.5, 0.25, 0, -1]]}";
    private static final double[] X_VALUES = {0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11.25};
    private static final double[] Y_VALUES = {1, 1, 1, 1, 2, 2, 2, 2, 0.5, 0.25, 0, -1};

    private static double[] sum(double sign) {
        double[] out = new double[X_VALUES.length];
        for (int i = 0; i < out.length; i++) out[i] = X_VALUES[i] + sign * Y_VALUES[i];
        return out;
    }

    @Test
    void tupleOutput() throws IOException {
        JsonNode out = runJson(this::run, pytorch("tuple_out.dat"), "--arg", X, "--arg", Y).get("output");
        assertEquals(Set.of("tuple"), keys(out));
        assertEquals(2, out.get("tuple").size());
        assertEquals("[3,4]", out.get("tuple").get(0).get("tensor").get("shape").toString());
        assertClose(sum(1), doubles(out.get("tuple").get(0).get("tensor").get("values")));
        assertClose(sum(-1), doubles(out.get("tuple").get(1).get("tensor").get("values")));
    }

    @Test
    void listOutput() throws IOException {
        JsonNode out = runJson(this::run, pytorch("list_out.dat"), "--arg", X, "--arg", Y).get("output");
        assertTrue(out.isArray(), out.toString());
        assertEquals(2, out.size());
        assertClose(sum(1), doubles(out.get(0).get("tensor").get("values")));
        assertClose(sum(-1), doubles(out.get(1).get("tensor").get("values")));
    }

    @Test
    void randomInputsWork() throws IOException {
        JsonNode out = runJson(this::run, pytorch("tuple_out.dat"), "--arg", "{\"tensor\": {\"shape\": [3, 4], \"fill\": \"rand\"}}",
                "--arg", "{\"tensor\": {\"shape\": [3, 4], \"fill\": \"rand\"}}").get("output");
        double[] plus = doubles(out.get("tuple").get(0).get("tensor").get("values"));
        for (double v : plus) assertTrue(v >= 0 && v < 2, "sum of two rand values: " + v);
    }

    @Test
    void otherMethodsOfAModule() throws IOException {
        JsonNode r = runJson(this::run, pytorch("exported.method.dat"), "--method", "add_scalar", "--arg",
                "{\"tensor\": {\"shape\": [10], \"fill\": \"zeros\"}}", "--arg", "1");
        assertEquals("add_scalar", r.get("method").asText());
        assertClose(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, r.get("output").get("tensor").get("values"));

        JsonNode a = JSON.readTree("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]");
        JsonNode predicted = runJson(this::run, pytorch("exported.method.dat"), "--method", "predict", "--arg", "{\"tensor\": " + a + "}")
                .get("output").get("tensor").get("values");
        double[] p = doubles(predicted);
        boolean differs = false;
        for (int i = 0; i < p.length; i++) differs |= Math.abs(p[i] - i) > 1e-6;
        assertTrue(differs, "predict(a) = a + p differs from a");

        JsonNode forward = runJson(this::run, pytorch("exported.method.dat"), "--arg", ones(10), "--arg", ones(10)).get("output");
        assertClose(new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, forward.get("tuple").get(0).get("tensor").get("values"));
        assertClose(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, forward.get("tuple").get(1).get("tensor").get("values"));
    }

    @Test
    void aModuleMadeByRTorch() throws IOException {
        JsonNode r = runJson(this::run, pytorch("r-traced-linear.pt"), "--arg", "{\"tensor\": {\"shape\": [100, 10], \"fill\": \"randn\"}}",
                "--warmup", "2", "--iterations", "5");
        JsonNode t = r.get("output").get("tensor");
        assertEquals("[100,10]", t.get("shape").toString());
        assertEquals(1000, doubles(t.get("values")).length);
        JsonNode timing = r.get("timing");
        assertEquals(2, timing.get("warmup").asInt());
        assertEquals(5, timing.get("iterations").asInt());
        double min = timing.get("min_ms").asDouble();
        double p50 = timing.get("p50_ms").asDouble();
        double p90 = timing.get("p90_ms").asDouble();
        double max = timing.get("max_ms").asDouble();
        assertTrue(min > 0 && min <= p50 && p50 <= p90 && p90 <= max, timing.toString());
    }

    // ---------------------------------------------------------------- large arguments from files

    /**
     * A 1 MiB tensor (262,144 float32 values) as {@code --arg @x.json}, its JSON text well over Linux's 128 KiB cap on
     * one command-line argument, and the same values from a .npy named inside another JSON file (relative to it).
     */
    @Test
    void aOneMebibyteTensorArgumentFromJsonAndNpyFiles(@TempDir Path dir) throws IOException {
        int n = 1 << 18;
        float[] x = new float[n];
        StringBuilder json = new StringBuilder(3 * 1024 * 1024).append("{\"tensor\": [");
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = (i % 1000) / 8f;
            sum += x[i];
            json.append(i == 0 ? "" : ",").append(x[i]);
        }
        Path xJson = Files.writeString(dir.resolve("x.json"), json.append("]}"));
        assertTrue(Files.size(xJson) > 1024 * 1024, "the JSON text is over 1 MiB: " + Files.size(xJson));
        try (Tensor t = Tensors.of(x, new long[] {n})) {
            NpyWriter.write(t, dir.resolve("y.npy"));
        }
        Path yJson = Files.writeString(dir.resolve("y.json"), "{\"tensor\": {\"file\": \"y.npy\"}}");

        JsonNode out = runJson(this::run, pytorch("tuple_out.dat"), "--arg", "@" + xJson, "--arg", "@" + yJson).get("output");
        JsonNode plus = out.get("tuple").get(0).get("tensor");
        JsonNode minus = out.get("tuple").get(1).get("tensor");
        assertEquals("[" + n + "]", plus.get("shape").toString());
        assertEquals(2 * sum / n, plus.get("mean").asDouble(), 1e-3, "x + y = 2x");
        assertEquals(2 * 124.875, plus.get("max").asDouble(), 0);
        assertEquals(0.0, minus.get("min").asDouble(), 0, "x - y = 0: the .npy holds the JSON's values");
        assertEquals(0.0, minus.get("max").asDouble(), 0);
    }

    // ---------------------------------------------------------------- files that are not TorchScript

    @ParameterizedTest
    @ValueSource(strings = {"bug510.dat", "tensor2345.dat", "state_dict.pth", "ordered_dict.pt"})
    void filesThatAreNotTorchScriptAreUserErrorsSayingWhatTheyAre(String name) throws Exception {
        String file = CliRunner.fixtures().resolve("not-torchscript").resolve(name).toString();
        for (String command : new String[] {"run", "graph"}) {
            CliRunner.Result r = run(command, file);
            assertEquals(2, r.status(), command + " " + name + ": " + r.err());
            assertTrue(r.err().contains("not a TorchScript archive"), r.err());
            boolean zip = name.endsWith(".pt") || name.endsWith(".pth");
            assertTrue(r.err().contains(zip ? "torch.save archive" : "not a zip archive"), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one message: " + r.err());
        }
    }

    static Set<String> keys(JsonNode o) {
        return Set.copyOf(fieldNames(o));
    }

    static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
