package io.tsstudio.engine.observe;

import io.tsstudio.testkit.SharedFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.Fixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.run.CancelToken;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The observing executor gives what a normal LibTorch run gives, bit for bit, on every TorchScript model in
 * {@code ../shared/fixtures} (pytorch, pytorch-1.13, torchvision-ops), stepping through every graph (no method run
 * whole); and on the pytorch-1.13 models every submodule PyTorch's forward hooks saw is there with the same number
 * of calls and the same output shapes.
 */
class ObserverFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call: file, method and its arguments as `--arg` JSON (or a Java supplier of tensors). */
    record Case(String name, Path file, String method, List<String> jsonArgs, JsonNode modules) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        Path py = SharedFixtures.root().resolve("pytorch");
        out.add(new Case("linrelu", py.resolve("linrelu.script.dat"), "forward", List.of(ones(10)), null));
        out.add(new Case("l1000", py.resolve("l1000_100_10.script.dat"), "forward", List.of(ones(1000)), null));
        out.add(new Case("scripted", py.resolve("scripted.script.dat"), "forward", List.of(ones(6)), null));
        out.add(new Case("func", py.resolve("func.script.dat"), "forward", List.of(ones(10), ones(10)), null));
        out.add(new Case("tuple_out", py.resolve("tuple_out.dat"), "forward", List.of(rand(3, 4), rand(3, 4)), null));
        out.add(new Case("list_out", py.resolve("list_out.dat"), "forward", List.of(rand(3, 4), rand(3, 4)), null));
        out.add(new Case("exported.forward", py.resolve("exported.method.dat"), "forward", List.of(rand(10), rand(10)), null));
        out.add(new Case("exported.predict", py.resolve("exported.method.dat"), "predict", List.of(rand(10)), null));
        out.add(new Case("exported.add_scalar", py.resolve("exported.method.dat"), "add_scalar", List.of(rand(10), "3"), null));
        out.add(new Case("r-traced-linear", py.resolve("r-traced-linear.pt"), "forward", List.of(rand(100, 10)), null));

        Path p113 = SharedFixtures.root().resolve("pytorch-1.13");
        JsonNode cases = JSON.readTree(p113.resolve("cases.json").toFile());
        for (Iterator<String> it = cases.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode c = cases.get(name);
            List<String> args = new ArrayList<>();
            for (JsonNode a : c.get("args")) args.add(a.toString());
            out.add(new Case(name, p113.resolve(c.get("file").asText()), c.get("method").asText(), args, c.get("modules")));
        }

        Path tv = SharedFixtures.root().resolve("torchvision-ops");
        JsonNode tvCases = JSON.readTree(tv.resolve("tvops.expected.json").toFile()).get("cases");
        for (Iterator<String> it = tvCases.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode c = tvCases.get(name);
            List<String> args = new ArrayList<>();
            for (JsonNode a : c.get("args")) args.add(a.toString());
            out.add(new Case("tvops." + name, tv.resolve("tvops.script.pt"), c.get("method").asText(), args, null));
        }
        return out.stream().map(Arguments::of);
    }

    private static String ones(long... shape) {
        return "{\"tensor\": {\"shape\": " + java.util.Arrays.toString(shape) + ", \"fill\": \"ones\"}}";
    }

    private static final Random RANDOM = new Random(15);

    /** Random values written out in full, so the normal and the observed run get the very same input. */
    private static String rand(long... shape) {
        StringBuilder b = new StringBuilder("{\"tensor\": ");
        nested(b, shape, 0);
        return b.append(", \"dtype\": \"float32\"}").toString();
    }

    private static void nested(StringBuilder b, long[] shape, int dim) {
        b.append('[');
        for (long i = 0; i < shape[dim]; i++) {
            if (i > 0) b.append(", ");
            if (dim == shape.length - 1) b.append(RANDOM.nextFloat() * 2 - 1);
            else nested(b, shape, dim + 1);
        }
        b.append(']');
    }

    static List<Object> arguments(MethodInfo method, List<String> json) {
        List<ArgumentInfo> declared = method.arguments();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            values.add(ValueJson.read(json.get(i), declared.get(i).type(), "argument '" + declared.get(i).name() + "'", null));
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void observedRunEqualsANormalRunBitForBit(Case c) {
        try (ScriptModule m = Jit.load(c.file())) {
            List<Object> args = arguments(m.method(c.method()), c.jsonArgs());
            Object normal = m.call(c.method(), args.toArray());
            try (Observation o = Observer.observe(m, c.method(), args, ObserveOptions.statisticsOnly(), CancelToken.none())) {
                ObservedRuns.assertBitIdentical(normal, o.output(), c.name());
                for (ModuleRecord r : o.modules()) assertFalse(r.opaque(), c.name() + ": module '" + r.path() + "' ran whole");
                for (NodeRecord n : o.nodes()) assertFalse(n.opaque(), c.name() + ": node " + n.nodeId() + " " + n.kind() + " ran whole");
                assertEquals("", o.calls().get(0).path(), "the root's call comes first");
                assertEquals(c.method(), o.calls().get(0).method());
                assertFalse(o.nodes().isEmpty());
                if (c.modules() != null) assertModulesAsHooksSawThem(c, o);
                ObservedRuns.close(o.output());
            } finally {
                ObservedRuns.close(normal);
                args.forEach(ObservedRuns::close);
            }
        }
    }

    private static void assertModulesAsHooksSawThem(Case c, Observation o) {
        Map<String, ModuleRecord> byPath = new LinkedHashMap<>();
        for (ModuleRecord r : o.modules()) byPath.put(r.path(), r);
        for (Iterator<Map.Entry<String, JsonNode>> it = c.modules().properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ModuleRecord r = byPath.get(e.getKey());
            assertNotNull(r, c.name() + ": module '" + e.getKey() + "' was not observed (observed: " + byPath.keySet() + ")");
            assertEquals(e.getValue().get("calls").asLong(), r.calls(), c.name() + ": calls of '" + e.getKey() + "'");
            List<long[]> shapes = new ArrayList<>();
            for (JsonNode s : e.getValue().get("shapes")) {
                long[] shape = new long[s.size()];
                for (int i = 0; i < shape.length; i++) shape[i] = s.get(i).asLong();
                shapes.add(shape);
            }
            List<ObservedTensor> seen = r.output().tensors();
            assertEquals(shapes.size(), seen.size(), c.name() + ": tensors returned by '" + e.getKey() + "' (" + r.output().text() + ")");
            for (int i = 0; i < shapes.size(); i++) {
                assertArrayEquals(shapes.get(i), seen.get(i).shape(), c.name() + ": shape " + i + " of '" + e.getKey() + "'");
            }
        }
    }
}
