package io.tsstudio.engine.trace;

import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.tsstudio.engine.trace.Fixtures.t;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Reference §3 E: R's ivalue_test_function is Java -> IValue -> Java; here each value goes through a compiled
 * TorchScript identity function of the matching type, a real round trip through LibTorch. Java has real scalars,
 * so a Boolean is a bool (not R's one-element List[bool]) and an int comes back as a Long (R returns a double).
 */
// every module call of these cases is also run by the observing executor and compared (issue 15)
@org.junit.jupiter.api.extension.ExtendWith(io.tsstudio.engine.observe.ObservedCallsCheck.class)
class ValueRoundTripCasesTest {
    private static CompilationUnit cu;

    @BeforeAll
    static void compile() {
        cu = Jit.compile(String.join("\n",
                "def b(x: bool) -> bool:", "    return x",
                "def bl(x: List[bool]) -> List[bool]:", "    return x",
                "def i(x: int) -> int:", "    return x",
                "def il(x: List[int]) -> List[int]:", "    return x",
                "def d(x: float) -> float:", "    return x",
                "def dl(x: List[float]) -> List[float]:", "    return x",
                "def t(x: Tensor) -> Tensor:", "    return x",
                "def tl(x: List[Tensor]) -> List[Tensor]:", "    return x",
                "def s(x: str) -> str:", "    return x",
                "def td(x: Dict[str, Tensor]) -> Dict[str, Tensor]:", "    return x",
                "def tup(x: Tuple[Tensor, Tensor]) -> Tuple[Tensor, Tensor]:", "    return x",
                "def any_tuple(x: Tuple[int, List[int], float, List[float], Tensor, List[Tensor], bool, List[bool]]) -> Tuple[int, List[int], float, List[float], Tensor, List[Tensor], bool, List[bool]]:", "    return x",
                "def opt(x: Optional[Tensor]) -> Optional[Tensor]:", "    return x",
                ""));
    }

    @AfterAll
    static void close() {
        cu.close();
    }

    @Test
    void case39Bool() {
        assertEquals(true, cu.call("b", true));
        assertEquals(false, cu.call("b", false));
    }

    @Test
    void case40BoolList() {
        Random r = new Random(40);
        List<Boolean> x = new ArrayList<>();
        for (int k = 0; k < 10; k++) x.add(r.nextBoolean());
        assertEquals(x, cu.call("bl", x));
    }

    @Test
    void case41Int() {
        assertEquals(1L, cu.call("i", 1L));
        assertEquals(1L, cu.call("i", 1), "an Integer is accepted as int");
    }

    @Test
    void case42IntList() {
        List<Long> x = new ArrayList<>();
        for (long k = 1; k <= 100; k++) x.add(k);
        assertEquals(x, cu.call("il", x));
    }

    @Test
    void case43Double() {
        double v = new Random(43).nextDouble();
        assertEquals(v, cu.call("d", v));
    }

    @Test
    void case44DoubleList() {
        Random r = new Random(44);
        List<Double> x = new ArrayList<>();
        for (int k = 0; k < 100; k++) x.add(r.nextDouble());
        assertEquals(x, cu.call("dl", x));
    }

    @Test
    void case45Tensor() {
        Tensor x = Tensors.randn(100, 100);
        assertTrue(x.equalTo((Tensor) cu.call("t", x)));
    }

    @Test
    void case46TensorList() {
        List<?> out = (List<?>) cu.call("tl", List.of(t(1), t(2)));
        assertTrue(((Tensor) out.get(0)).equalTo(t(1)));
        assertTrue(((Tensor) out.get(1)).equalTo(t(2)));
    }

    @Test
    void case47String() {
        assertEquals("hello", cu.call("s", "hello"));
    }

    @Test
    void case48HeterogeneousTuple() {
        JitTuple x = JitTuple.of(1L, List.of(1L, 2L, 3L), 1.1, List.of(2.0, 3.3, 4.4), t(1), List.of(t(1), t(2)), true, List.of(true, false));
        JitTuple out = (JitTuple) cu.call("any_tuple", x);
        assertEquals(8, out.size());
        assertEquals(1L, out.get(0));
        assertEquals(List.of(1L, 2L, 3L), out.get(1));
        assertEquals(1.1, out.get(2));
        assertEquals(List.of(2.0, 3.3, 4.4), out.get(3));
        assertTrue(((Tensor) out.get(4)).equalTo(t(1)));
        assertEquals(2, ((List<?>) out.get(5)).size());
        assertEquals(true, out.get(6));
        assertEquals(List.of(true, false), out.get(7));
    }

    @Test
    void case49DictOfTensors() {
        Map<String, Tensor> x = new LinkedHashMap<>();
        x.put("a", t(1));
        x.put("b", t(2));
        Map<?, ?> out = (Map<?, ?>) cu.call("td", x);
        assertEquals(List.of("a", "b"), new ArrayList<>(out.keySet()));
        assertTrue(((Tensor) out.get("b")).equalTo(t(2)));
    }

    @Test
    void case50NamedTupleOfMixedTypes() {
        CompilationUnit nt = Jit.compile("class AB(NamedTuple):\n    a: Tensor\n    b: float\n\ndef f(x: AB) -> AB:\n    return x\n");
        JitTuple x = JitTuple.named(List.of("a", "b"), List.of(t(1), 1.0));
        JitTuple out = (JitTuple) nt.call("f", x);
        assertEquals(List.of("a", "b"), out.names());
        assertTrue(((Tensor) out.get("a")).equalTo(t(1)));
        assertEquals(1.0, out.get("b"));
    }

    @Test
    void case51NamedTupleOfTensors() {
        CompilationUnit nt = Jit.compile("class AB(NamedTuple):\n    a: Tensor\n    b: Tensor\n\ndef f(x: AB) -> AB:\n    return x\n");
        JitTuple out = (JitTuple) nt.call("f", JitTuple.named(List.of("a", "b"), List.of(t(1), t(2))));
        assertEquals(List.of("a", "b"), out.names());
        assertTrue(((Tensor) out.get("b")).equalTo(t(2)));
    }

    @Test
    void case52Tuple() {
        JitTuple out = (JitTuple) cu.call("tup", JitTuple.of(t(1), t(2)));
        assertFalse(out.isNamed());
        assertTrue(((Tensor) out.get(0)).equalTo(t(1)));
        assertTrue(((Tensor) out.get(1)).equalTo(t(2)));
    }

    @Test
    void case53Null() {
        assertNull(cu.call("opt", (Object) null));
    }

    @Test
    void case54Scalars() {
        assertEquals(1.0, cu.call("d", 1.0));
        assertEquals(1L, cu.call("i", 1L));
        assertEquals(true, cu.call("b", true));
        assertEquals(Arrays.asList(1L), cu.call("il", List.of(1L)));
    }
}
