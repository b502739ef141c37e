package io.tsstudio.engine.trace;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.nn.Dropout;
import io.tsstudio.engine.nn.Linear;
import io.tsstudio.engine.nn.Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The generated forward of respect mode is typed from the traced inputs, so containers stay containers (R torch
 * issue #1252 was a List[Tensor] input declared as Tensor) and the saved file works with forward.
 */
class RespectModeTest {
    @TempDir
    Path dir;

    /** Sums a list of tensors, then dropout: the result depends on the mode. */
    static final class ListInput extends Module {
        final Dropout dropout = registerModule("dropout", new Dropout(1.0));

        @Override
        public Object forward(Object... in) {
            @SuppressWarnings("unchecked") List<Tensor> xs = (List<Tensor>) in[0];
            return dropout.forward(Tensors.stack(xs, 0).sum(0));
        }
    }

    @Test
    void listInputKeepsItsType() {
        List<Tensor> xs = List.of(Tensors.ones(3), Tensors.ones(3));
        ScriptModule m = Tracer.trace(new ListInput(), xs);
        assertTrue(m.method("forward").schema().contains("List[Tensor]"), m.method("forward").schema());
        Path p = dir.resolve("list.pt");
        m.save(p);
        try (ScriptModule back = Jit.load(p)) {
            back.eval();
            assertTrue(((Tensor) back.forward(xs)).equalTo(Tensors.full(new long[] {3}, 2)));
            back.train();
            assertTrue(((Tensor) back.forward(xs)).equalTo(Tensors.zeros(3)));
        }
    }

    /** Two inputs, a dict and a tuple; returns a tuple. */
    static final class Mixed extends Module {
        final Linear linear = registerModule("linear", new Linear(2, 2));

        @Override
        public Object forward(Object... in) {
            @SuppressWarnings("unchecked") Map<String, Tensor> d = (Map<String, Tensor>) in[0];
            JitTuple t = (JitTuple) in[1];
            Tensor a = linear.forward(d.get("a"));
            return JitTuple.of(a, a.add((Tensor) t.get(0)));
        }
    }

    @Test
    void dictAndTupleInputsWithTupleOutput() {
        Map<String, Tensor> d = new LinkedHashMap<>();
        d.put("a", Tensors.randn(1, 2));
        JitTuple t = JitTuple.of(Tensors.randn(1, 2));
        Mixed mod = new Mixed();
        ScriptModule m = Tracer.trace(mod, d, t);
        String sig = m.method("forward").schema();
        assertTrue(sig.contains("Dict[str, Tensor]") && sig.contains("Tuple[Tensor]"), sig);
        JitTuple out = (JitTuple) m.forward(d, t);
        JitTuple expected = (JitTuple) mod.forward(d, t);
        assertTrue(((Tensor) out.get(1)).allclose((Tensor) expected.get(1)));
    }

    @Test
    void onlyOtherMethodsTracedLeavesNoForward() {
        Module mod = new Module() {
            {
                registerMethod("double_it", a -> a.tensor(0).mul(2.0));
            }
        };
        ScriptModule m = Tracer.traceModule(mod, Map.of("double_it", List.of(Tensors.ones(2))));
        assertFalse(m.hasMethod("forward"));
        assertTrue(((Tensor) m.call("double_it", Tensors.ones(3))).equalTo(Tensors.full(new long[] {3}, 2)));
    }
}
