package io.tsstudio.engine.trace;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.TraceFunction;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.ValueConversionException;
import io.tsstudio.engine.nn.Functional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tsstudio.engine.trace.Fixtures.t;
import static org.junit.jupiter.api.Assertions.*;

/** Reference §3 A (tracing functions), the function cases of H (vignette) and of I. */
// every module call of these cases is also run by the observing executor and compared (issue 15)
@org.junit.jupiter.api.extension.ExtendWith(io.tsstudio.engine.observe.ObservedCallsCheck.class)
class TraceFunctionCasesTest {
    private static final TraceOptions LENIENT = TraceOptions.DEFAULT.withStrict(false);

    @TempDir
    Path dir;

    private static TracedFunction reluTrace() {
        return Tracer.trace(Functional::relu, t(-1, 0, 1));
    }

    @Test
    void case01SimpleTrace() {
        Tensor x = t(-1, 0, 1);
        TracedFunction tr = reluTrace();
        Tensor out = (Tensor) tr.call(x);
        assertArrayEquals(new float[] {0, 0, 1}, out.toFloatArray());
        assertTrue(out.equalTo(Functional.relu(x)));
    }

    @Test
    void case02GraphText() {
        assertTrue(reluTrace().graph().contains("graph"));
    }

    @Test
    void case03ClosureOverAModule() {
        Fixtures.Net net = new Fixtures.Net();
        net.eval();
        try (NoGrad g = NoGrad.enter()) {
            for (Tensor p : net.parameters()) p.detach_();
        }
        Tensor input = Tensors.randn(100, 1, 28, 28);
        TracedFunction tr = Tracer.trace(x -> net.forward(x), input);
        assertTrue(((Tensor) tr.call(input)).allclose(net.forward(input), 1e-5, 1e-6));
    }

    @Test
    void case04SaveAndReloadAFunction() {
        Path p = dir.resolve("relu.pt");
        reluTrace().save(p);
        try (ScriptModule m = Jit.load(p)) {
            Tensor x = t(-1, 0, 1);
            assertTrue(((Tensor) m.forward(x)).equalTo(Functional.relu(x)));
        }
    }

    @Test
    void case05StringInputIsRejected() {
        TorchException e = assertThrows(TorchException.class, () -> Tracer.trace(a -> Functional.relu(a.tensor(0)), "a"));
        assertTrue(e.getMessage().contains("Only tensors or (possibly nested) dict or tuples of tensors can be inputs"), e.getMessage());
        assertTrue(e.getMessage().contains("str"), e.getMessage());
    }

    @Test
    void case06ListOfTensorsInput() {
        List<Tensor> x = List.of(t(1), t(2));
        TracedFunction tr = Tracer.trace(a -> Tensors.stack(a.tensors(0), 0), x);
        Tensor out = (Tensor) tr.call(x);
        assertTrue(out.equalTo(Tensors.stack(x, 0)));
        assertArrayEquals(new long[] {2, 1}, out.shape());
    }

    @Test
    void case07ListOutput() {
        TracedFunction tr = Tracer.trace(LENIENT, a -> List.of(a.tensor(0), a.tensor(0).add(1.0)), t(1));
        List<?> out = (List<?>) tr.call(t(1));
        assertTrue(((Tensor) out.get(0)).equalTo(t(1)));
        assertTrue(((Tensor) out.get(1)).equalTo(t(2)));
    }

    @Test
    void case08TwoArguments() {
        TracedFunction tr = Tracer.trace(LENIENT, a -> List.of(a.tensor(0), a.tensor(0).add(a.tensor(1))), t(1), t(2));
        List<?> out = (List<?>) tr.call(t(1), t(2));
        assertTrue(((Tensor) out.get(0)).equalTo(t(1)));
        assertTrue(((Tensor) out.get(1)).equalTo(t(3)));
        // a real two-input trace, not constants: other inputs give other outputs
        List<?> other = (List<?>) tr.call(t(5), t(7));
        assertTrue(((Tensor) other.get(0)).equalTo(t(5)));
        assertTrue(((Tensor) other.get(1)).equalTo(t(12)));
        assertEquals(2, tr.signature().arguments().size(), tr.signature().toString());
        // Java has no named arguments. The closest misuse, handing both inputs as one named map, is a Dict input the
        // two-argument function cannot read as tensors: that exception comes back as it was thrown.
        Map<String, Tensor> named = new LinkedHashMap<>();
        named.put("x", t(1));
        named.put("y", t(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tracer.trace(LENIENT, a -> a.tensor(0).add(a.tensor(1)), named));
        assertEquals("traced input 0 is LinkedHashMap, not a Tensor", e.getMessage());
    }

    @Test
    void case09NamedListInAndOut() {
        Map<String, Tensor> x = new LinkedHashMap<>();
        x.put("t1", t(1));
        x.put("t2", t(2));
        TracedFunction tr = Tracer.trace(LENIENT, a -> {
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("x", a.dict(0).get("t1"));
            out.put("y", a.dict(0).get("t2"));
            return out;
        }, x);
        Map<?, ?> out = (Map<?, ?>) tr.call(x);
        assertEquals(List.of("x", "y"), new ArrayList<>(out.keySet()));
        assertTrue(((Tensor) out.get("x")).equalTo(t(1)));
        assertTrue(((Tensor) out.get("y")).equalTo(t(2)));
    }

    @Test
    void case10NamedTupleInAndOut() {
        JitTuple x = JitTuple.named(List.of("t1", "t2"), List.of(t(1), t(2)));
        TracedFunction tr = Tracer.trace(LENIENT, a -> {
            JitTuple in = a.jitTuple(0);
            return JitTuple.named(List.of("x", "y"), List.of(in.get("t1"), in.get("t2")));
        }, x);
        JitTuple out = (JitTuple) tr.call(x);
        assertFalse(out.isNamed(), "names are lost on traced tuple outputs");
        assertTrue(((Tensor) out.get(0)).equalTo(t(1)));
        assertTrue(((Tensor) out.get(1)).equalTo(t(2)));
        Map<String, Tensor> dict = new LinkedHashMap<>();
        dict.put("t1", t(1));
        dict.put("t2", t(2));
        assertThrows(TorchException.class, () -> tr.call(dict));
    }

    @Test
    void case11TupleInAndOut() {
        TracedFunction tr = Tracer.trace(a -> JitTuple.of(a.jitTuple(0).get(0), a.jitTuple(0).get(1)), JitTuple.of(t(1), t(2)));
        // Deliberately unlike R (where a plain list is a List[Tensor] and a type error here): Java values convert by
        // the declared parameter type, so a list passed where the schema says Tuple becomes that tuple.
        JitTuple fromList = (JitTuple) tr.call(List.of(t(1), t(2)));
        assertTrue(((Tensor) fromList.get(1)).equalTo(t(2)));
        // A value that cannot be that tuple is still a type error.
        assertThrows(TorchException.class, () -> tr.call(List.of(t(1), t(2), t(3))));
        assertThrows(TorchException.class, () -> tr.call(t(1)));
        JitTuple out = (JitTuple) tr.call(JitTuple.of(t(1), t(2)));
        assertTrue(((Tensor) out.get(0)).equalTo(t(1)));
        assertTrue(((Tensor) out.get(1)).equalTo(t(2)));
    }

    @Test
    void case61VignetteReluTrace() {
        TracedFunction tr = Tracer.trace(Functional::relu, t(-1, 0, 1));
        assertFalse(tr.graph().isBlank());
        assertArrayEquals(new long[] {3}, ((Tensor) tr.call(Tensors.randn(3))).shape());
    }

    @Test
    void case63ControlFlowIsBakedIn() {
        TracedFunction tr = Tracer.trace(x -> {
            List<Tensor> sums = new ArrayList<>();
            for (Tensor slice : x.unbind(0)) sums.add(slice.sum());
            return Tensors.stack(sums, 0);
        }, Tensors.randn(10, 5, 5));
        assertArrayEquals(new long[] {10}, ((Tensor) tr.call(Tensors.randn(10, 5, 5))).shape());
        assertThrows(TorchException.class, () -> tr.call(Tensors.randn(11, 5, 5)));
    }

    @Test
    void case65NonTensorInputIsRejected() {
        TorchException e = assertThrows(TorchException.class, () -> Tracer.trace(a -> a.tensor(0).add(a.tensor(1)), t(1), 1L));
        assertTrue(e.getMessage().contains("can be inputs to traced functions"), e.getMessage());
        assertTrue(e.getMessage().contains("int"), e.getMessage());
    }

    @Test
    void case67VignetteSaveAndLoad() {
        TracedFunction tr = Tracer.trace(Functional::relu, t(1));
        Path p = dir.resolve("path.pt");
        tr.save(p);
        try (ScriptModule loaded = Jit.load(p)) {
            assertArrayEquals(new float[] {0, 0, 1}, ((Tensor) loaded.forward(t(-1, 0, 1))).toFloatArray());
        }
    }

    @Test
    void case78DictOutputNeedsNonStrict() {
        TraceFunction fn = a -> {
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("a", a.tensor(0).mul(2.0));
            return out;
        };
        TorchException e = assertThrows(TorchException.class, () -> Tracer.trace(fn, t(1)));
        assertTrue(e.getMessage().contains("Encountering a dict at the output of the tracer"), e.getMessage());
        TracedFunction tr = Tracer.trace(LENIENT, fn, t(1));
        assertTrue(((Tensor) ((Map<?, ?>) tr.call(t(3))).get("a")).equalTo(t(6)));
    }

    @Test
    void case79CapturedTensorRequiringGradIsAnError() {
        Tensor w = Tensors.randn(3).requiresGrad(true);
        TorchException e = assertThrows(TorchException.class, () -> Tracer.trace(x -> x.mul(w), t(1, 2, 3)));
        assertTrue(e.getMessage().contains("Cannot insert a Tensor that requires grad as a constant"), e.getMessage());
        // and the tracer is usable afterwards
        assertTrue(((Tensor) Tracer.trace(Functional::relu, t(1)).call(t(-1))).equalTo(t(0)));
    }

    @Test
    void case83WrongArgumentCountIsASchemaError() {
        TracedFunction tr = reluTrace();
        // Java calls are positional only, so there are no argument names to ignore.
        ValueConversionException tooMany = assertThrows(ValueConversionException.class, () -> tr.call(t(1), t(2)));
        assertEquals("name takes 1 argument [argument_0], got 2", tooMany.getMessage());
        TorchException none = assertThrows(TorchException.class, () -> tr.call());
        assertEquals("name failed: name() is missing value for argument 'argument_0'. Declaration: name(Tensor argument_0) -> Tensor", none.getMessage());
    }
}
