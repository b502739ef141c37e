package io.tsstudio.app.interop;

import io.tsstudio.engine.Tensors;
import io.tsstudio.testkit.SharedFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.SubmoduleInfo;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every model in {@code ../shared/fixtures/pytorch-1.13} (torch 1.13 / torchvision 0.14 made them) runs in the
 * studio's engine and in its run worker with PyTorch's values as {@code cases.json} records them: each output tensor's
 * shape, dtype, first 32 values and sum, or the plain value; and every submodule PyTorch's hooks saw is in the
 * studio's module tree. These need no Python. With PyTorch installed, each model also runs in both on random inputs,
 * all values compared (the recorded inputs are all ones, on which the classifiers give near-zero outputs).
 */
class PyTorch113FixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WorkerClient worker;

    @TempDir
    Path dir;

    static Path folder() {
        return SharedFixtures.root().resolve("pytorch-1.13");
    }

    static List<String> cases() throws IOException {
        List<String> names = new ArrayList<>();
        JSON.readTree(folder().resolve("cases.json").toFile()).fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode caseOf(String name) throws IOException {
        return JSON.readTree(folder().resolve("cases.json").toFile()).get(name);
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) worker.close();
    }

    private static synchronized WorkerClient worker() throws Exception {
        if (worker == null) {
            worker = new WorkerClient(WorkerLaunch.sameAsThisProcess());
            worker.ready().get(120, TimeUnit.SECONDS);
        }
        return worker;
    }

    @Test
    void everyModelOfTheFolderHasACase() throws IOException {
        Set<String> files = new TreeSet<>();
        try (var list = java.nio.file.Files.list(folder())) {
            list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".pt")).forEach(files::add);
        }
        Set<String> covered = new TreeSet<>();
        for (String c : cases()) covered.add(caseOf(c).get("file").asText());
        assertEquals(files, covered);
        assertEquals(5, files.size(), "the README lists five models");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runsInTheEngineWithPyTorchsValues(String name) throws IOException {
        JsonNode c = caseOf(name);
        try (ScriptModule m = Jit.load(folder().resolve(c.get("file").asText()))) {
            String method = c.get("method").asText();
            List<Object> args = arguments(m.method(method), c.get("args"));
            try {
                Object out = m.call(method, args.toArray());
                try {
                    assertRecorded(c, out, name);
                } finally {
                    ValueJson.closeTensors(out);
                }
            } finally {
                args.forEach(ValueJson::closeTensors);
            }
            Set<String> tree = m.namedModules().stream().map(SubmoduleInfo::name).collect(Collectors.toSet());
            Set<String> called = new TreeSet<>();
            c.get("modules").fieldNames().forEachRemaining(called::add);
            called.removeAll(tree);
            assertEquals(Set.of(), called, name + ": submodules PyTorch called that the studio's module tree lacks");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runsInTheWorkerWithPyTorchsValues(String name) throws Exception {
        JsonNode c = caseOf(name);
        WorkerClient w = worker();
        w.load(folder().resolve(c.get("file").asText()), "cpu").get(120, TimeUnit.SECONDS);
        List<String> args = new ArrayList<>();
        for (JsonNode a : c.get("args")) args.add(a.toString());
        RunOutcome r = w.run(new RunRequest(c.get("method").asText(), args, RunPlan.single()), RunListener.NONE).get(120, TimeUnit.SECONDS);
        JsonNode out = JSON.readTree(r.outputJson());
        if (c.get("plain").isNull()) {
            List<JsonNode> tensors = new ArrayList<>();
            writtenTensors(out, tensors);
            assertEquals(c.get("tensors").size(), tensors.size(), name + ": number of output tensors");
            for (int i = 0; i < tensors.size(); i++) {
                JsonNode t = tensors.get(i);
                double[] values = SameValues.doubles(flat(t.get("values")));
                assertRecordedTensor(c.get("tensors").get(i), longs(t.get("shape")), t.get("dtype").asText(), values, name + " output tensor " + i);
            }
        } else {
            assertEquals(c.get("plain").toString(), plainFromWritten(out).toString(), name);
        }
    }

    /** The recorded arguments are the CLI's --arg JSON: read them through the same codec, typed by the schema. */
    private static List<Object> arguments(MethodInfo method, JsonNode args) {
        List<ArgumentInfo> declared = method.arguments();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            values.add(ValueJson.read(args.get(i).toString(), declared.get(i).type(), "argument '" + declared.get(i).name() + "'", null));
        }
        return values;
    }

    private static void assertRecorded(JsonNode c, Object out, String name) {
        if (!c.get("plain").isNull()) {
            try {
                assertEquals(c.get("plain").toString(), JSON.writeValueAsString(plain(out)), name);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
            return;
        }
        List<Tensor> tensors = new ArrayList<>();
        tensorsIn(out, tensors);
        assertEquals(c.get("tensors").size(), tensors.size(), name + ": number of output tensors");
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            assertRecordedTensor(c.get("tensors").get(i), t.shape(), t.dtype().jsonName(), t.toDoubleArray(), name + " output tensor " + i);
        }
    }

    /** Shape, dtype, the first 32 values (rounded to 6 decimals there) and the sum (in double there). */
    private static void assertRecordedTensor(JsonNode expected, long[] shape, String dtype, double[] values, String where) {
        assertEquals(expected.get("shape").toString(), JSON.valueToTree(shape).toString(), where + ": shape");
        assertEquals(expected.get("dtype").asText(), dtype, where + ": dtype");
        double[] first = SameValues.doubles(expected.get("first"));
        for (int i = 0; i < first.length; i++) {
            assertTrue(Math.abs(values[i] - first[i]) <= 1e-5 + 1e-4 * Math.abs(first[i]), where + ": value " + i + " is " + values[i] + ", PyTorch's " + first[i]);
        }
        double sum = 0;
        double abs = 0;
        for (double v : values) {
            sum += v;
            abs += Math.abs(v);
        }
        double expectedSum = expected.get("sum").asDouble();
        assertTrue(Math.abs(sum - expectedSum) <= 1e-6 + 1e-4 * Math.max(abs, Math.abs(expectedSum)),
                where + ": sum " + sum + ", PyTorch's " + expectedSum);
    }

    /** Output tensors in the order cases.json lists them: tuple items, list items, dict values in insertion order. */
    private static void tensorsIn(Object v, List<Tensor> out) {
        if (v instanceof Tensor t) out.add(t);
        else if (v instanceof JitTuple t) t.values().forEach(x -> tensorsIn(x, out));
        else if (v instanceof List<?> l) l.forEach(x -> tensorsIn(x, out));
        else if (v instanceof Map<?, ?> m) m.values().forEach(x -> tensorsIn(x, out));
    }

    /** A value without tensors as Python's json writes it: dicts as objects. */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof List<?> l) return l.stream().map(PyTorch113FixturesTest::plain).toList();
        if (v instanceof JitTuple t) return t.values().stream().map(PyTorch113FixturesTest::plain).toList();
        return v;
    }

    /** The same, from the worker's output JSON ({@code tsstudio run --json}'s form). */
    private static JsonNode plainFromWritten(JsonNode n) {
        if (n.isObject() && n.has("dict")) {
            var o = JSON.createObjectNode();
            for (JsonNode pair : n.get("dict")) o.set(pair.get(0).asText(), plainFromWritten(pair.get(1)));
            return o;
        }
        if (n.isObject() && n.has("tuple")) n = n.get("tuple");
        if (n.isArray()) {
            var a = JSON.createArrayNode();
            for (JsonNode e : n) a.add(plainFromWritten(e));
            return a;
        }
        return n;
    }

    private static void writtenTensors(JsonNode n, List<JsonNode> out) {
        if (n.isObject() && n.has("tensor")) out.add(n.get("tensor"));
        else if (n.isObject() && n.has("tuple")) n.get("tuple").forEach(x -> writtenTensors(x, out));
        else if (n.isObject() && n.has("dict")) n.get("dict").forEach(p -> writtenTensors(p.get(1), out));
        else if (n.isArray()) n.forEach(x -> writtenTensors(x, out));
    }

    private static JsonNode flat(JsonNode nested) {
        var a = JSON.createArrayNode();
        flatInto(nested, a);
        return a;
    }

    private static void flatInto(JsonNode n, com.fasterxml.jackson.databind.node.ArrayNode out) {
        if (n.isArray()) n.forEach(x -> flatInto(x, out));
        else out.add(n);
    }

    private static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).longValue();
        return out;
    }

    // ---------------------------------------------------------------- live PyTorch, random inputs

    /**
     * Classifiers whose final outputs are near zero on any input (torchvision's initialisation; ViT's head is zeros):
     * their feature extractors are compared as well, on random inputs of the shapes PyTorch's hooks recorded.
     */
    private static final Map<String, Map.Entry<String, long[]>> FEATURES = Map.of(
            "mnasnet0_5_script", Map.entry("layers", new long[] {1, 3, 64, 64}),
            "mobilenet_v2_trace", Map.entry("features", new long[] {1, 3, 64, 64}),
            "vit_tiny_script", Map.entry("encoder", new long[] {2, 17, 32}));

    /** Random inputs of the recorded shapes, every value of every output compared with PyTorch 1.13's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void randomInputsGiveTheValuesPyTorchGives(String name) throws Exception {
        PyTorch.require();
        JsonNode c = caseOf(name);
        Path file = folder().resolve(c.get("file").asText());
        List<Object> args = new ArrayList<>();
        for (JsonNode a : c.get("args")) {
            if (a.has("tensor")) args.add(Tensors.randn(longs(a.get("tensor").get("shape"))));
            else args.add(a.longValue());
        }
        try {
            String method = c.get("method").asText();
            ModelCase torchCase = ModelCase.jit(dir, file).call(method, false, args.toArray());
            Map.Entry<String, long[]> features = FEATURES.get(name);
            if (features != null) {
                args.add(Tensors.randn(features.getValue()));
                torchCase.callOn(features.getKey(), "forward", false, args.get(args.size() - 1));
            }
            JsonNode torch = torchCase.runInPyTorch();
            try (ScriptModule m = Jit.load(file)) {
                m.eval();
                Object out = m.call(method, args.subList(0, c.get("args").size()).toArray());
                try {
                    SameValues.assertSame(torch.get("results").get(0), out, name);
                } finally {
                    ValueJson.closeTensors(out);
                }
                if (features == null) return;
                try (ScriptModule sub = m.submodule(features.getKey())) {
                    Tensor f = (Tensor) sub.forward(args.get(args.size() - 1));
                    try (f) {
                        // torchvision's classifiers are tiny-valued throughout (about 1e-8 here); the tolerance scales with the values
                        // a comparison worth making: the features vary (after ReLUs many are 0, so not "mostly distinct")
                        long distinct = java.util.Arrays.stream(f.toDoubleArray()).distinct().count();
                        assertTrue(distinct > Math.max(10, f.numel() / 100), name + " " + features.getKey() + " gives varied values: " + distinct + " distinct of " + f.numel());
                        SameValues.assertSame(torch.get("results").get(1), f, name + " " + features.getKey());
                    }
                }
            }
        } finally {
            args.forEach(ValueJson::closeTensors);
        }
    }
}
