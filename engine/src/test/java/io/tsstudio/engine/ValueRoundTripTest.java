package io.tsstudio.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every TorchScript value type goes through a compiled identity function and comes back equal. */
class ValueRoundTripTest {
    private static final String SOURCE = String.join("\n",
            "def id_int(x: int) -> int:", "    return x",
            "def id_float(x: float) -> float:", "    return x",
            "def id_bool(x: bool) -> bool:", "    return x",
            "def id_str(x: str) -> str:", "    return x",
            "def id_tensor(x: Tensor) -> Tensor:", "    return x",
            "def id_list_int(x: List[int]) -> List[int]:", "    return x",
            "def id_list_float(x: List[float]) -> List[float]:", "    return x",
            "def id_list_bool(x: List[bool]) -> List[bool]:", "    return x",
            "def id_list_str(x: List[str]) -> List[str]:", "    return x",
            "def id_list_tensor(x: List[Tensor]) -> List[Tensor]:", "    return x",
            "def id_nested(x: List[List[int]]) -> List[List[int]]:", "    return x",
            "def id_tuple(x: Tuple[int, str, Tensor]) -> Tuple[int, str, Tensor]:", "    return x",
            "def id_opt(x: Optional[int]) -> Optional[int]:", "    return x",
            "def id_opt_list(x: Optional[List[float]]) -> Optional[List[float]]:", "    return x",
            "def id_dict_str(x: Dict[str, Tensor]) -> Dict[str, Tensor]:", "    return x",
            "def id_dict_int(x: Dict[int, List[str]]) -> Dict[int, List[str]]:", "    return x",
            "def id_dict_str_int(x: Dict[str, int]) -> Dict[str, int]:", "    return x",
            "def none() -> None:", "    return None",
            "def count(x: List[int]) -> int:", "    return len(x)",
            "");

    private static CompilationUnit cu;

    @BeforeAll
    static void compile() {
        cu = Jit.compile(SOURCE);
    }

    @AfterAll
    static void close() {
        cu.close();
    }

    @Test
    void scalars() {
        assertEquals(42L, cu.call("id_int", 42L));
        assertEquals(42L, cu.call("id_int", 42)); // Integer accepted
        assertEquals(-1L << 40, cu.call("id_int", -1L << 40));
        assertEquals(2.5, cu.call("id_float", 2.5));
        assertEquals(2.5, cu.call("id_float", 2.5f)); // Float accepted
        assertEquals(3.0, cu.call("id_float", 3L)); // int where float is declared
        assertEquals(true, cu.call("id_bool", true));
        assertEquals(false, cu.call("id_bool", false));
        assertEquals("héllo ✓", cu.call("id_str", "héllo ✓"));
        assertEquals("", cu.call("id_str", ""));
        assertNull(cu.call("none"));
    }

    @Test
    void tensors() {
        try (Tensor x = Tensors.of(new double[] {1.5, 2.5, 3.5, 4.5}, 2, 2); Tensor y = (Tensor) cu.call("id_tensor", x)) {
            assertArrayEquals(new long[] {2, 2}, y.shape());
            assertEquals(DType.FLOAT64, y.dtype());
            assertArrayEquals(x.toDoubleArray(), y.toDoubleArray());
        }
    }

    @Test
    void lists() {
        assertEquals(List.of(1L, 2L, 3L), cu.call("id_list_int", List.of(1L, 2L, 3L)));
        assertEquals(List.of(1L, 2L), cu.call("id_list_int", new long[] {1, 2}));
        assertEquals(List.of(), cu.call("id_list_int", List.of())); // empty, typed by the schema
        assertEquals(List.of(0.5, 1.5), cu.call("id_list_float", new double[] {0.5, 1.5}));
        assertEquals(List.of(true, false), cu.call("id_list_bool", new boolean[] {true, false}));
        assertEquals(List.of("a", "b"), cu.call("id_list_str", List.of("a", "b")));
        assertEquals(List.of(), cu.call("id_list_str", List.of()));
        assertEquals(3L, cu.call("count", List.of(7L, 8L, 9L)));
        List<List<Long>> nested = List.of(List.of(1L), List.of(), List.of(2L, 3L));
        assertEquals(nested, cu.call("id_nested", nested));
        assertEquals(List.of(), cu.call("id_nested", List.of()));
        try (Tensor a = Tensors.of(new float[] {1}); Tensor b = Tensors.of(new float[] {2, 3})) {
            @SuppressWarnings("unchecked")
            List<Object> out = (List<Object>) cu.call("id_list_tensor", List.of(a, b));
            assertEquals(2, out.size());
            try (Tensor a2 = (Tensor) out.get(0); Tensor b2 = (Tensor) out.get(1)) {
                assertArrayEquals(new float[] {1}, a2.toFloatArray());
                assertArrayEquals(new float[] {2, 3}, b2.toFloatArray());
            }
        }
        assertEquals(List.of(), cu.call("id_list_tensor", List.of()));
    }

    @Test
    void tuples() {
        try (Tensor t = Tensors.of(new float[] {5})) {
            JitTuple out = (JitTuple) cu.call("id_tuple", JitTuple.of(7L, "seven", t));
            assertFalse(out.isNamed());
            assertEquals(7L, out.get(0));
            assertEquals("seven", out.get(1));
            try (Tensor t2 = (Tensor) out.get(2)) {
                assertArrayEquals(new float[] {5}, t2.toFloatArray());
            }
        }
    }

    @Test
    void optionals() {
        assertNull(cu.call("id_opt", (Object) null));
        assertEquals(4L, cu.call("id_opt", 4L));
        assertNull(cu.call("id_opt_list", (Object) null));
        assertEquals(List.of(1.0, 2.0), cu.call("id_opt_list", List.of(1.0, 2.0)));
    }

    @Test
    void dicts() {
        Map<String, Long> si = new LinkedHashMap<>();
        si.put("b", 2L);
        si.put("a", 1L);
        Object out = cu.call("id_dict_str_int", si);
        assertEquals(si, out);
        assertEquals(List.of("b", "a"), new ArrayList<>(((Map<?, ?>) out).keySet())); // order kept
        assertEquals(Map.of(), cu.call("id_dict_str_int", Map.of()));

        Map<Long, List<String>> il = new LinkedHashMap<>();
        il.put(3L, List.of("x", "y"));
        il.put(-1L, List.of());
        assertEquals(il, cu.call("id_dict_int", il));

        try (Tensor w = Tensors.of(new float[] {1, 2})) {
            Map<String, Tensor> st = new LinkedHashMap<>();
            st.put("weight", w);
            @SuppressWarnings("unchecked")
            Map<String, Object> back = (Map<String, Object>) cu.call("id_dict_str", st);
            assertEquals(List.of("weight"), new ArrayList<>(back.keySet()));
            try (Tensor w2 = (Tensor) back.get("weight")) {
                assertArrayEquals(new float[] {1, 2}, w2.toFloatArray());
            }
        }
    }

    @Test
    void namedTuplesKeepTheirNames() {
        String src = String.join("\n",
                "class Point(NamedTuple):",
                "    x: int",
                "    label: str",
                "def id_point(p: Point) -> Point:",
                "    return p",
                "def make_point(x: int) -> Point:",
                "    return Point(x, 'made')",
                "");
        try (CompilationUnit u = Jit.compile(src)) {
            JitTuple made = (JitTuple) u.call("make_point", 3L);
            assertEquals(List.of("x", "label"), made.names());
            assertEquals(3L, made.get("x"));
            assertEquals("made", made.get("label"));
            JitTuple back = (JitTuple) u.call("id_point", JitTuple.named(List.of("x", "label"), Arrays.asList(9L, "nine")));
            assertEquals(List.of("x", "label"), back.names());
            assertEquals(List.of(9L, "nine"), back.values());
        }
    }

    @Test
    void classObjectsReadCallAndPassBack() {
        String src = String.join("\n",
                "class Counter:",
                "    def __init__(self, start: int):",
                "        self.value = start",
                "        self.name = 'counter'",
                "    def add(self, n: int) -> int:",
                "        self.value = self.value + n",
                "        return self.value",
                "def make(start: int) -> Counter:",
                "    return Counter(start)",
                "def read(c: Counter) -> int:",
                "    return c.value",
                "");
        try (CompilationUnit u = Jit.compile(src); JitObject c = (JitObject) u.call("make", 10L)) {
            assertTrue(c.className().endsWith("Counter"), c.className());
            assertTrue(c.attributeNames().containsAll(List.of("value", "name")), c.attributeNames().toString());
            assertEquals(10L, c.attribute("value"));
            assertEquals("counter", c.attribute("name"));
            assertEquals(15L, c.call("add", 5L));
            assertEquals(15L, u.call("read", c));
        }
    }

    @Test
    void mismatchesNameTheArgumentTypeAndValue() {
        ValueConversionException e = assertThrows(ValueConversionException.class, () -> cu.call("id_int", "x"));
        assertEquals("argument 'x' of id_int: expected int, got String \"x\"", e.getMessage());
        e = assertThrows(ValueConversionException.class, () -> cu.call("id_list_int", List.of(1L, "two")));
        assertEquals("argument 'x[1]' of id_list_int: expected int, got String \"two\"", e.getMessage());
        e = assertThrows(ValueConversionException.class, () -> cu.call("id_bool", 1L));
        assertTrue(e.getMessage().contains("expected bool, got Long 1"), e.getMessage());
        Tensor closed = Tensors.of(new float[] {1});
        closed.close();
        e = assertThrows(ValueConversionException.class, () -> cu.call("id_tensor", closed));
        assertEquals("argument 'x' of id_tensor: the Tensor given is closed", e.getMessage());
        e = assertThrows(ValueConversionException.class, () -> cu.call("id_int", 1L, 2L));
        assertTrue(e.getMessage().contains("takes 1 argument"), e.getMessage());
    }
}
