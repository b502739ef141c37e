package io.tsstudio.engine.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.internal.torch.ValueFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Object read(String json, String type) {
        return ValueJson.read(json, type, "x", Device.CPU);
    }

    private static String error(String json, String type) {
        return assertThrows(ValueJsonException.class, () -> read(json, type)).getMessage();
    }

    @Test
    void typeTextInBothSpellings() {
        assertEquals(JsonType.Kind.LIST, JsonType.parse("int[]").kind());
        assertEquals(JsonType.Kind.INT, JsonType.parse("List[int]").element(0).kind());
        assertEquals(JsonType.Kind.OPTIONAL, JsonType.parse("Tensor?").kind());
        assertEquals(JsonType.Kind.TENSOR, JsonType.parse("Optional[Tensor]").element(0).kind());
        JsonType tuple = JsonType.parse("(Tensor, int[], str)");
        assertEquals(JsonType.Kind.TUPLE, tuple.kind());
        assertEquals(List.of(JsonType.Kind.TENSOR, JsonType.Kind.LIST, JsonType.Kind.STR), tuple.contained().stream().map(JsonType::kind).toList());
        assertEquals(JsonType.Kind.DICT, JsonType.parse("Dict(str, Tensor)").kind());
        assertEquals(JsonType.Kind.INT, JsonType.parse("Dict[int, List[Tensor]]").element(0).kind());
        JsonType named = JsonType.parse("NamedTuple(a : Tensor, b : int)");
        assertEquals(List.of("a", "b"), named.names());
        assertEquals(JsonType.Kind.TENSOR, JsonType.parse("Tensor(a!)").kind());
        assertEquals(JsonType.Kind.TENSOR, JsonType.parse("Float(2, 3, strides=[3, 1], requires_grad=0, device=cpu)").kind());
        assertEquals(JsonType.Kind.CLASS, JsonType.parse("__torch__.Point").kind());
        assertEquals(0, JsonType.parse("Tuple[()]").contained().size());
        assertEquals(JsonType.Kind.LIST, JsonType.parse("int[2]").kind());
        assertEquals(2, JsonType.parse("Union[int, str]").contained().size());
        assertThrows(IllegalArgumentException.class, () -> JsonType.parse("List[int"));
    }

    @Test
    void scalarsFollowTheDeclaredType() {
        assertEquals(3L, read("3", "int"));
        assertEquals(3.0, read("3", "float"));
        assertEquals(2.5, read("2.5", "float"));
        assertEquals(true, read("true", "bool"));
        assertEquals("hi", read("\"hi\"", "str"));
        assertNull(read("null", "NoneType"));
        assertNull(read("null", "Optional[int]"));
        assertEquals(4L, read("4", "Optional[int]"));
        assertEquals(4L, read("4", "Scalar"));
        assertEquals(4.5, read("4.5", "number"));
        assertEquals(Device.parse("cpu"), read("\"cpu\"", "Device"));
        assertEquals(7L, read("7", "Union[int, str]"));
        assertEquals("s", read("\"s\"", "Union[int, str]"));
    }

    @Test
    void mismatchesNameTheArgumentTheTypeAndTheValue() {
        String m = error("2.5", "int");
        assertTrue(m.contains("x") && m.contains("int") && m.contains("2.5"), m);
        m = error("\"a\"", "Tensor");
        assertTrue(m.contains("expected Tensor") && m.contains("\"a\"") && m.contains("{\"tensor\""), m);
        m = error("[1, \"b\"]", "List[int]");
        assertTrue(m.startsWith("x[1]: expected int, got the string \"b\""), m);
        m = error("[1, 2, 3]", "Tuple[int, int]");
        assertTrue(m.contains("2 elements") && m.contains("got 3"), m);
        m = error("{\"a\": 1}", "Dict[int, int]");
        assertTrue(m.contains("key \"a\" is not an int"), m);
        m = error("true", "int");
        assertTrue(m.contains("expected int, got the bool true"), m);
        m = error("{", "int");
        assertTrue(m.contains("not valid JSON"), m);
        m = error("{\"a\": 1}", "NamedTuple(a : int, b : int)");
        assertTrue(m.contains("field 'b'") && m.contains("missing"), m);
    }

    @Test
    void messagesNameTypesInAnnotationSpellingWhicheverSpellingWasGiven() {
        assertEquals("x: expected List[int], got the object {\"a\":1}", error("{\"a\": 1}", "int[]"));
        assertEquals("x: expected Tuple[int, str], got the string \"s\"", error("\"s\"", "(int, str)?")); // the Optional took the value, its element refused it
        assertEquals("x: field 'b' of NamedTuple(a : int, b : int) is missing", error("{\"a\": 1}", "NamedTuple(a : int, b : int)"));
        assertEquals("x: expected one type argument in 'List[int, str]'", error("[]", "List[int, str]"));
    }

    @Test
    void arraysBecomeListsOrTuplesAsTheTypeSays() {
        assertEquals(List.of(1L, 2L), read("[1, 2]", "List[int]"));
        assertEquals(List.of(List.of(1.0), List.of()), read("[[1], []]", "List[List[float]]"));
        assertEquals(List.of(), read("[]", "int[]"));
        Object t = read("[1, \"a\"]", "Tuple[int, str]");
        assertEquals(new JitTuple(List.of(1L, "a"), List.of()), t);
        assertEquals(new JitTuple(List.of(1L, "a"), List.of()), read("{\"tuple\": [1, \"a\"]}", "(int, str)"));
        assertEquals(new JitTuple(List.of(1L, 2.5), List.of()), read("{\"tuple\": [1, 2.5]}", ""));
    }

    @Test
    void objectsBecomeDictsOrNamedTuples() {
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("b", 1L);
        expected.put("a", 2L);
        assertEquals(expected, read("{\"b\": 1, \"a\": 2}", "Dict[str, int]"));
        Map<Object, Object> intKeys = new LinkedHashMap<>();
        intKeys.put(3L, "c");
        intKeys.put(1L, "a");
        assertEquals(intKeys, read("{\"3\": \"c\", \"1\": \"a\"}", "Dict[int, str]"));
        assertEquals(intKeys, read("{\"dict\": [[3, \"c\"], [1, \"a\"]]}", "Dict(int, str)"));
        assertEquals(Map.of(), read("{}", "Dict[str, Tensor]"));

        JitTuple named = (JitTuple) read("{\"b\": \"s\", \"a\": 1}", "NamedTuple(a : int, b : str)");
        assertEquals(List.of("a", "b"), named.names());
        assertEquals(List.of(1L, "s"), named.values());
        JitTuple positional = (JitTuple) read("[1, \"s\"]", "NamedTuple(a : int, b : str)");
        assertEquals(List.of("a", "b"), positional.names());
        JitTuple byName = (JitTuple) read("{\"x\": 1, \"y\": 2}", "__torch__.Point");
        assertEquals(List.of("x", "y"), byName.names());
        assertEquals(List.of(1L, 2L), byName.values());
    }

    @Test
    void tensorsFromNestedArrays() {
        try (Tensor t = (Tensor) read("{\"tensor\": [[1, 2, 3], [4, 5, 6]]}", "Tensor")) {
            assertArrayEquals(new long[] {2, 3}, t.shape());
            assertEquals(DType.FLOAT32, t.dtype());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toFloatArray());
        }
        try (Tensor t = (Tensor) read("{\"tensor\": [1, 2], \"dtype\": \"int64\"}", "Tensor")) {
            assertEquals(DType.INT64, t.dtype());
            assertArrayEquals(new long[] {1, 2}, t.toLongArray());
        }
        try (Tensor t = (Tensor) read("{\"tensor\": [0.5, 1.5], \"dtype\": \"float16\"}", "Tensor")) {
            assertEquals(DType.FLOAT16, t.dtype());
            assertArrayEquals(new float[] {0.5f, 1.5f}, t.toFloatArray());
        }
        try (Tensor t = (Tensor) read("{\"tensor\": [true, false], \"dtype\": \"bool\"}", "Tensor")) {
            assertArrayEquals(new boolean[] {true, false}, t.toBooleanArray());
        }
        try (Tensor t = (Tensor) read("{\"tensor\": 2.5, \"dtype\": \"float64\"}", "Tensor")) {
            assertEquals(0, t.dim());
            assertEquals(2.5, t.item());
        }
        try (Tensor t = (Tensor) read("{\"tensor\": [], \"dtype\": \"int8\"}", "Tensor")) {
            assertArrayEquals(new long[] {0}, t.shape());
            assertEquals(DType.INT8, t.dtype());
        }
        assertTrue(error("{\"tensor\": [[1, 2], [3]]}", "Tensor").contains("ragged"));
        assertTrue(error("{\"tensor\": [1.5], \"dtype\": \"int32\"}", "Tensor").contains("whole numbers"));
        assertTrue(error("{\"tensor\": [1], \"dtype\": \"float99\"}", "Tensor").contains("unknown dtype"));
        assertTrue(error("{\"tensor\": [1], \"device\": \"cpu\"}", "Tensor").contains("unexpected key \"device\""));
    }

    @Test
    void tensorsFromFills() {
        try (Tensor t = (Tensor) read("{\"tensor\": {\"shape\": [2, 3], \"fill\": \"arange\"}, \"dtype\": \"float64\"}", "Tensor")) {
            assertArrayEquals(new long[] {2, 3}, t.shape());
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, t.toDoubleArray());
        }
        try (Tensor t = (Tensor) read("{\"tensor\": {\"shape\": [4], \"fill\": \"ones\"}, \"dtype\": \"int32\"}", "Tensor")) {
            assertEquals(DType.INT32, t.dtype());
            assertArrayEquals(new int[] {1, 1, 1, 1}, t.toIntArray());
        }
        try (Tensor t = (Tensor) read("{\"tensor\": {\"shape\": [1000], \"fill\": \"rand\"}}", "Tensor")) {
            float[] v = t.toFloatArray();
            for (float f : v) assertTrue(f >= 0 && f < 1);
            assertTrue(Arrays.stream(new double[] {v[0], v[1], v[2]}).distinct().count() > 1, "rand gives different values");
        }
        try (Tensor t = (Tensor) read("{\"tensor\": {\"shape\": [2, 0], \"fill\": \"zeros\"}}", "Tensor")) {
            assertEquals(0, t.numel());
        }
        assertTrue(error("{\"tensor\": {\"shape\": [2], \"fill\": \"sevens\"}}", "Tensor").contains("unknown fill 'sevens'"));
        assertTrue(error("{\"tensor\": {\"shape\": [2], \"fill\": \"randn\"}, \"dtype\": \"int64\"}", "Tensor").contains("floating-point"));
    }

    @Test
    void tensorsFromNpyAndTorchSaveFilesWhereverATensorIs(@TempDir Path dir) throws IOException {
        try (Tensor a = Tensors.of(new float[] {1, 2.5f, -3, 4}, 2, 2); Tensor b = Tensors.of(new long[] {7, 8, 9}, 3)) {
            NpyWriter.write(a, dir.resolve("a.npy"));
            ValueFiles.save(b, dir.resolve("b.pt"));
            ValueFiles.save(List.of(a, b), dir.resolve("list.pt"));
        }
        String a = "{\"tensor\": {\"file\": \"a.npy\"}}";
        String b = "{\"tensor\": {\"file\": \"b.pt\"}}";
        Object v = ValueJson.read("{\"x\": [" + a + ", " + b + "]}", "Dict[str, List[Tensor]]", "arg", Device.CPU, dir);
        try {
            List<?> l = (List<?>) ((Map<?, ?>) v).get("x");
            Tensor fromNpy = (Tensor) l.get(0);
            assertArrayEquals(new long[] {2, 2}, fromNpy.shape());
            assertArrayEquals(new float[] {1, 2.5f, -3, 4}, fromNpy.toFloatArray());
            Tensor fromPt = (Tensor) l.get(1);
            assertEquals(DType.INT64, fromPt.dtype(), "a file keeps its own dtype");
            assertArrayEquals(new long[] {7, 8, 9}, fromPt.toLongArray());
        } finally {
            ValueJson.closeTensors(v);
        }
        try (Tensor t = (Tensor) ValueJson.read("{\"tensor\": {\"file\": \"" + dir.resolve("b.pt") + "\"}, \"dtype\": \"float64\"}", "Tensor", "x", Device.CPU)) {
            assertEquals(DType.FLOAT64, t.dtype(), "an absolute path needs no base; a dtype given converts");
            assertArrayEquals(new double[] {7, 8, 9}, t.toDoubleArray());
        }

        java.util.function.Function<String, String> error = json -> assertThrows(ValueJsonException.class,
                () -> ValueJson.read(json, "Tensor", "x", Device.CPU, dir)).getMessage();
        assertEquals("x: no such tensor file: " + dir.resolve("c.npy"), error.apply("{\"tensor\": {\"file\": \"c.npy\"}}"));
        assertEquals("x: " + dir.resolve("list.pt") + " holds a list, not one tensor (save it with torch.save(tensor, path))",
                error.apply("{\"tensor\": {\"file\": \"list.pt\"}}"));
        assertTrue(error.apply("{\"tensor\": {\"file\": 3}}").startsWith("x: \"file\" must be a path"));
        assertTrue(error.apply("{\"tensor\": {\"file\": \"a.npy\", \"fill\": \"ones\"}}").startsWith("x: a tensor file spec holds only \"file\""));
    }

    @Test
    void nestedContainersOfTensors() {
        Object v = read("{\"a\": [{\"tensor\": [1]}, {\"tensor\": {\"shape\": [2], \"fill\": \"ones\"}}]}", "Dict[str, List[Tensor]]");
        try {
            List<?> a = (List<?>) ((Map<?, ?>) v).get("a");
            assertEquals(2, a.size());
            assertInstanceOf(Tensor.class, a.get(1));
        } finally {
            ValueJson.closeTensors(v);
        }
        List<?> l = (List<?>) ((Map<?, ?>) v).get("a");
        assertTrue(((Tensor) l.get(0)).isClosed());
    }

    @Test
    void writesTensorsWithValuesAndStatistics() throws Exception {
        try (Tensor t = Tensors.of(new float[] {1, -2, 3.5f, 0.25f}, 2, 2)) {
            JsonNode j = ValueJson.write(t).get("tensor");
            assertEquals("float32", j.get("dtype").asText());
            assertEquals("[2,2]", j.get("shape").toString());
            assertEquals("cpu", j.get("device").asText());
            assertEquals("[[1.0,-2.0],[3.5,0.25]]", j.get("values").toString());
            assertEquals(-2.0, j.get("min").asDouble());
            assertEquals(3.5, j.get("max").asDouble());
            assertEquals(0.6875, j.get("mean").asDouble(), 1e-9);
            assertEquals(List.of("dtype", "shape", "device", "values", "min", "max", "mean"), fieldNames(j));
        }
        try (Tensor big = Tensors.of(new long[10_001], 10_001)) {
            JsonNode j = ValueJson.write(big).get("tensor");
            assertFalse(j.has("values"));
            assertEquals(0, j.get("max").asLong());
            assertTrue(j.get("max").isIntegralNumber());
        }
        try (Tensor nan = Tensors.of(new double[] {Double.NaN, Double.POSITIVE_INFINITY})) {
            JsonNode j = ValueJson.write(nan).get("tensor");
            assertEquals("[\"NaN\",\"Infinity\"]", j.get("values").toString());
            JSON.readTree(ValueJson.writeText(nan)); // still valid JSON
        }
        try (Tensor scalar = Tensors.of(new int[] {7}, new long[0])) {
            assertEquals("7", ValueJson.write(scalar).get("tensor").get("values").toString());
        }
    }

    @Test
    void writesContainers() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(2L, "b");
        m.put(1L, null);
        assertEquals("{\"dict\":[[2,\"b\"],[1,null]]}", ValueJson.write(m).toString());
        assertEquals("{\"tuple\":[1,\"a\"]}", ValueJson.write(JitTuple.of(1L, "a")).toString());
        assertEquals("{\"tuple\":[1,2.5],\"names\":[\"a\",\"b\"]}", ValueJson.write(JitTuple.named(List.of("a", "b"), List.of(1L, 2.5))).toString());
        assertEquals("[true,[],null,\"s\",1.5]", ValueJson.write(Arrays.asList(true, List.of(), null, "s", 1.5)).toString());
        assertEquals("[1,2]", ValueJson.write(new long[] {1, 2}).toString());
        assertThrows(ValueJsonException.class, () -> ValueJson.write(new Object()));
    }

    @Test
    void whatIsWrittenReadsBack() {
        String[] types = {"Tuple[int, str]", "Dict[int, str]", "List[float]", "NamedTuple(a : int, b : str)", "Optional[int]"};
        Object[] values = {JitTuple.of(1L, "a"), new LinkedHashMap<>(Map.of(5L, "e")), List.of(1.5, 2.0), JitTuple.named(List.of("a", "b"), List.of(1L, "s")), null};
        for (int i = 0; i < types.length; i++) {
            String json = ValueJson.write(values[i]).toString();
            assertEquals(values[i], read(json, types[i]), json);
        }
        try (Tensor t = Tensors.of(new double[] {1.25, 2.5, -3}, 3)) {
            String json = "{\"tensor\": " + ValueJson.write(t).get("tensor").get("values") + ", \"dtype\": \"float64\"}";
            try (Tensor back = (Tensor) read(json, "Tensor")) {
                assertArrayEquals(t.toDoubleArray(), back.toDoubleArray());
            }
        }
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
