package io.tsstudio.engine.trace;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.nn.Functional;
import io.tsstudio.engine.TraceFunction;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.nn.BatchNorm1d;
import io.tsstudio.engine.nn.Dropout;
import io.tsstudio.engine.nn.Init;
import io.tsstudio.engine.nn.Linear;
import io.tsstudio.engine.nn.Module;
import io.tsstudio.engine.nn.ReLU;
import io.tsstudio.engine.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tsstudio.engine.trace.Fixtures.t;
import static org.junit.jupiter.api.Assertions.*;

/** Reference §3 B (tracing modules), the module cases of H (vignette) and of I. */
// every module call of these cases is also run by the observing executor and compared (issue 15)
@org.junit.jupiter.api.extension.ExtendWith(io.tsstudio.engine.observe.ObservedCallsCheck.class)
class TraceModuleCasesTest {
    @TempDir
    Path dir;

    /** The module of R test "trace a nn module": three methods, children, a parameter, a buffer, plain fields. */
    static final class Multi extends Module {
        final Linear linear = registerModule("linear", new Linear(10, 10));
        final BatchNorm1d norm = registerModule("norm", new BatchNorm1d(10));
        final Tensor par = registerParameter("par", t(2));
        final Tensor buff = registerBuffer("buff", Tensors.randn(10, 5));
        final double constant = 1;
        final List<Object> hello = List.of(t(1), t(2), "hello");

        Multi() {
            registerMethod("testing", a -> linear.forward(a.tensor(0)));
            registerMethod("test_constant", a -> a.tensor(0).add(constant).add((Tensor) hello.get(1)));
        }

        @Override
        public Object forward(Object... in) {
            return par.mul((Tensor) in[0]);
        }
    }

    private static Map<String, List<?>> multiInputs() {
        Map<String, List<?>> m = new LinkedHashMap<>();
        m.put("forward", List.of(Tensors.randn(1)));
        m.put("testing", List.of(Tensors.randn(10, 10)));
        m.put("test_constant", List.of(t(1)));
        return m;
    }

    /** Both modules share storage until saved; {@code javaModule} is null after a reload. */
    private static void assertMultiBehaviour(ScriptModule m, Multi javaModule) {
        assertEquals(5, m.namedParameters().size(), m.namedParameters().keySet().toString());
        assertEquals(4, m.namedBuffers().size(), m.namedBuffers().keySet().toString());
        // R counts the module itself among its modules; namedModules() lists the descendants only.
        assertEquals(3, m.namedModules().size() + 1);
        assertTrue(((Tensor) m.forward(t(2))).equalTo(t(4)));
        try (NoGrad g = NoGrad.enter()) {
            Init.zeros_(m.namedParameters().get("par"));
        }
        assertTrue(((Tensor) m.forward(t(2))).equalTo(t(0)));
        Tensor x = Tensors.randn(10, 10);
        Tensor expected = javaModule != null ? (Tensor) javaModule.invoke("testing", x) : Functional.linear(x, m.namedParameters().get("linear.weight"), m.namedParameters().get("linear.bias"));
        assertTrue(((Tensor) m.call("testing", x)).allclose(expected, 1e-5, 1e-5));
        try (NoGrad g = NoGrad.enter()) {
            Init.constant_(m.namedParameters().get("linear.weight"), 1);
            if (javaModule != null) Init.constant_(javaModule.linear.weight, 1);
        }
        expected = javaModule != null ? (Tensor) javaModule.invoke("testing", x) : Functional.linear(x, m.namedParameters().get("linear.weight"), m.namedParameters().get("linear.bias"));
        assertTrue(((Tensor) m.call("testing", x)).allclose(expected, 1e-5, 1e-5));
        assertTrue(((Tensor) m.call("test_constant", t(2))).allclose(t(5)));
    }

    @Test
    void case12MultiMethodTrace() {
        Multi mod = new Multi();
        ScriptModule m = Tracer.traceModule(mod, multiInputs());
        assertMultiBehaviour(m, mod);
    }

    @Test
    void case13MethodsSurviveGc() {
        ScriptModule m = Tracer.trace(new Linear(10, 10), Tensors.randn(10, 10));
        System.gc();
        assertNotNull(m.method("forward"));
        System.gc();
        System.gc();
        assertNotNull(m.method("forward"));
        assertArrayEquals(new long[] {2, 10}, ((Tensor) m.forward(Tensors.randn(2, 10))).shape());
    }

    @Test
    void case14SaveAndReloadAModule() {
        Path p = dir.resolve("tracedmodule.pt");
        ScriptModule m = Tracer.traceModule(new Multi(), multiInputs());
        m.save(p);
        m.close();
        System.gc();
        try (ScriptModule back = Jit.load(p)) {
            assertMultiBehaviour(back, null);
        }
    }

    @Test
    void case15ModuleTrace() {
        Fixtures.Net net = new Fixtures.Net();
        net.eval();
        Tensor input = Tensors.randn(100, 1, 28, 28);
        ScriptModule m = Tracer.trace(net, input);
        assertTrue(((Tensor) m.forward(input)).allclose(net.forward(input), 1e-5, 1e-6));
    }

    @Test
    void case16ErrorRecovery() {
        IllegalStateException thrown = new IllegalStateException("The error abcde");
        Module failing = new Module() {
            @Override
            public Object forward(Object... in) {
                throw thrown;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tracer.trace(failing, t(1)));
        assertSame(thrown, e, "the Java exception comes back as it was thrown");
        assertTrue(e.getMessage().contains("abcde"));
        // the tracer is usable afterwards
        assertTrue(((Tensor) Tracer.trace(new ReLU(), t(-1)).forward(t(-2))).equalTo(t(0)));
        // R's "uninstantiated module" and "not a function" cases cannot be written in Java; null is the Java form.
        TorchException noModule = assertThrows(TorchException.class, () -> Tracer.trace((Module) null, t(1)));
        assertTrue(noModule.getMessage().contains("must be a Module"), noModule.getMessage());
        TorchException noFn = assertThrows(TorchException.class, () -> Tracer.trace((TraceFunction) null, t(1)));
        assertTrue(noFn.getMessage().contains("needs a function or a module"), noFn.getMessage());
        // a checked exception comes back wrapped, with the original as cause
        Exception checked = new Exception("checked abcde");
        TraceFunction throwsChecked = a -> {
            throw checked;
        };
        TraceException wrapped = assertThrows(TraceException.class, () -> Tracer.trace(throwsChecked, t(1)));
        assertSame(checked, wrapped.getCause());
    }

    static final class WithChild extends Module {
        final Linear linear = registerModule("linear", new Linear(10, 10));

        @Override
        public Object forward(Object... in) {
            return linear.forward((Tensor) in[0]);
        }
    }

    @Test
    void case17SubmoduleMethodsAreNotTraced() {
        ScriptModule m = Tracer.trace(new WithChild(), Tensors.randn(100, 10));
        // As in R, calls into Java children are inlined into the parent's graph: the child has no forward.
        TorchException e = assertThrows(TorchException.class, () -> m.submodule("linear").forward(Tensors.randn(10, 10)));
        // R: an error matching "Methods from submodules of traced modules are not traced"
        assertTrue(e.getMessage().matches("module __torch__\\.Linear\\d* has no method 'forward' \\(methods: \\[\\]\\)\\. "
                + "Methods from submodules of traced modules are not traced: call the traced module itself"), e.getMessage());
        assertTrue(((Tensor) m.forward(Tensors.randn(10, 10))).shape()[1] == 10, "the traced module itself runs");
    }

    @Test
    void case18NonTensorOutputIsAnError() {
        Module mod = new Module() {
            final Linear linear = registerModule("linear", new Linear(10, 10));

            @Override
            public Object forward(Object... in) {
                linear.forward((Tensor) in[0]);
                return 1L;
            }
        };
        TorchException e = assertThrows(TorchException.class, () -> Tracer.trace(mod, Tensors.randn(10, 10)));
        assertTrue(e.getMessage().contains("Only tensors, lists, tuples of tensors"), e.getMessage());
    }

    static final class WithTracedChild extends Module {
        final ScriptModule linear = registerModule("linear", Tracer.trace(new Linear(10, 10), Tensors.randn(10, 10)));

        @Override
        public Object forward(Object... in) {
            return linear.forward(in[0]);
        }
    }

    @Test
    void case19TracedChildKeepsItsMethods() {
        WithTracedChild mod = new WithTracedChild();
        ScriptModule m = Tracer.trace(mod, Tensors.randn(10, 10));
        Tensor x = Tensors.randn(10, 10);
        assertTrue(((Tensor) m.forward(x)).equalTo((Tensor) mod.forward(x)));
        assertTrue(((Tensor) m.submodule("linear").forward(x)).equalTo((Tensor) mod.linear.forward(x)));
        assertTrue(m.graphText("evalforward").contains("prim::CallMethod"), m.graphText("evalforward"));
    }

    @Test
    void case20MobileSaveOfAModule() {
        Fixtures.Net net = new Fixtures.Net();
        net.eval();
        Tensor input = Tensors.randn(10, 1, 28, 28);
        ScriptModule tr = Tracer.trace(net, input);
        Path p = dir.resolve("net-mobile.pt");
        tr.saveForMobile(p);
        try (ScriptModule f = Jit.load(p)) {
            assertTrue(((Tensor) f.forward(input)).allclose(net.forward(input), 1e-5, 1e-6));
        }
    }

    @Test
    void case21MobileSaveOfAFunction() {
        Path p = dir.resolve("relu-mobile.pt");
        Tracer.trace(Functional::relu, t(-1, 0, 1)).saveForMobile(p);
        try (ScriptModule f = Jit.load(p)) {
            Tensor x = t(-1, 0, 1);
            assertTrue(((Tensor) f.forward(x)).equalTo(Functional.relu(x)));
        }
    }

    /** abs(x) in train mode, -abs(x) in eval mode. */
    static final class ModeDependent extends Module {
        @Override
        public Object forward(Object... in) {
            Tensor x = (Tensor) in[0];
            return isTraining() ? x.abs() : x.abs().neg();
        }
    }

    @Test
    void case22RespectModeOff() {
        TraceOptions off = TraceOptions.DEFAULT.withRespectMode(false);
        ModeDependent n1 = new ModeDependent();
        ModeDependent n2 = new ModeDependent();
        n2.eval();
        ScriptModule njit1 = Tracer.trace(off, n1, t(1));
        ScriptModule njit2 = Tracer.trace(off, n2, t(1));
        njit1.train();
        assertTrue(((Tensor) njit1.forward(t(1))).equalTo(t(1)));
        njit1.eval();
        assertTrue(((Tensor) njit1.forward(t(1))).equalTo(t(1)));
        njit2.train();
        assertTrue(((Tensor) njit2.forward(t(1))).equalTo(t(-1)));
        njit2.eval();
        assertTrue(((Tensor) njit2.forward(t(1))).equalTo(t(-1)));
    }

    @Test
    void case23SerializeToBytes() {
        ScriptModule n1 = Tracer.trace(new Linear(1, 1), Tensors.randn(1, 1));
        n1.namedParameters().get("bias").requiresGrad(false);
        byte[] bytes = n1.toBytes();
        assertTrue(bytes.length > 0);
        try (ScriptModule n2 = Jit.load(bytes)) {
            Tensor x = Tensors.randn(1);
            assertTrue(((Tensor) n1.forward(x)).equalTo((Tensor) n2.forward(x)));
            assertFalse(n2.namedParameters().get("bias").requiresGrad());
        }
    }

    @Test
    void case24SameModuleTracedTwice() {
        Torch.manualSeed(1);
        ScriptModule a = Tracer.trace(new Linear(1, 1), t(1));
        Torch.manualSeed(1);
        ScriptModule b = assertDoesNotThrow(() -> Tracer.trace(new Linear(1, 1), t(1)));
        assertNotEquals(a.className(), b.className());
    }

    @Test
    void case62OtherBatchSizesWork() {
        Sequential mod = new Sequential(new Linear(10, 10), new ReLU(), new Linear(10, 1));
        ScriptModule traced = Tracer.trace(mod, Tensors.randn(10, 10));
        assertArrayEquals(new long[] {3, 1}, ((Tensor) traced.forward(Tensors.randn(3, 10))).shape());
    }

    @Test
    void case64DropoutRespectsTheMode() {
        ScriptModule traced = Tracer.trace(new Dropout(), Tensors.ones(5, 5));
        traced.train();
        for (float v : ((Tensor) traced.forward(Tensors.ones(3, 3))).toFloatArray()) assertTrue(v == 0f || v == 2f, "got " + v);
        traced.eval();
        // The vignette says dropout still applies in eval mode; with respect mode (the default) it does not.
        assertTrue(((Tensor) traced.forward(Tensors.ones(3, 3))).equalTo(Tensors.ones(3, 3)));
        // With respect mode off the vignette's statement holds: the train-mode trace is all there is.
        ScriptModule plain = Tracer.trace(TraceOptions.DEFAULT.withRespectMode(false), new Dropout(), Tensors.ones(5, 5));
        plain.eval();
        Tensor out = Tensors.ones(200, 200);
        assertFalse(((Tensor) plain.forward(out)).equalTo(out));
    }

    @Test
    void case69MethodInputsMustBeNamed() {
        TorchException e = assertThrows(TorchException.class, () -> Tracer.traceModule(new Linear(2, 2), Map.of()));
        assertTrue(e.getMessage().contains("must be named"), e.getMessage());
    }

    @Test
    void case70ReservedNames() {
        for (String reserved : List.of("evalforward", "trainforward")) {
            TorchException e = assertThrows(TorchException.class, () -> Tracer.traceModule(new Linear(2, 2), Map.of(reserved, List.of(Tensors.randn(2, 2)))));
            assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        }
    }

    @Test
    void case71UnknownMethod() {
        TorchException e = assertThrows(TorchException.class, () -> Tracer.traceModule(new Linear(2, 2), Map.of("nosuch", List.of(Tensors.randn(2, 2)))));
        assertTrue(e.getMessage().contains("Method 'nosuch' does not exist"), e.getMessage());
    }

    @Test
    void case72NotAModule() {
        TorchException e = assertThrows(TorchException.class, () -> Tracer.traceModule(null, Map.of("forward", List.of(t(1)))));
        assertTrue(e.getMessage().contains("must be a Module"), e.getMessage());
    }

    @Test
    void case80DropoutP1RespectsTrainAndEval() {
        ScriptModule m = Tracer.trace(new Dropout(1.0), Tensors.randn(1));
        Tensor x = Tensors.randn(1);
        m.train();
        assertTrue(((Tensor) m.forward(x)).equalTo(Tensors.zeros(1)));
        m.eval();
        assertTrue(((Tensor) m.forward(x)).equalTo(x));
    }

    @Test
    void case81TracingKeepsEvalMode() {
        Sequential mod = new Sequential(new Linear(3, 3), new Dropout());
        mod.eval();
        ScriptModule m = Tracer.trace(mod, Tensors.randn(2, 3));
        assertFalse(mod.isTraining());
        assertFalse(mod.get(1).isTraining());
        assertFalse(m.isTraining());
    }

    @Test
    void case84RespectModeFileHasARealForward() {
        Path p = dir.resolve("respect.pt");
        Tracer.trace(new Dropout(1.0), Tensors.randn(4)).save(p);
        try (ScriptModule loaded = Jit.load(p)) {
            assertTrue(loaded.hasMethod("trainforward"));
            assertTrue(loaded.hasMethod("evalforward"));
            // Deliberately unlike R (whose file has no forward): a TorchScript forward dispatches on self.training,
            // so PyTorch and LibTorch can call the file directly and train()/eval() work there.
            assertTrue(loaded.hasMethod("forward"));
            Tensor x = Tensors.ones(4);
            loaded.train();
            assertTrue(((Tensor) loaded.forward(x)).equalTo(Tensors.zeros(4)));
            loaded.eval();
            assertTrue(((Tensor) loaded.forward(x)).equalTo(x));
        }
    }

    @Test
    void case85TracingSharesStorageUntilSaved() {
        WithChild mod = new WithChild();
        ScriptModule m = Tracer.trace(mod, Tensors.randn(2, 10));
        Tensor x = Tensors.randn(2, 10);
        try (NoGrad g = NoGrad.enter()) {
            Init.constant_(mod.linear.weight, 0.5);
        }
        assertTrue(((Tensor) m.forward(x)).allclose(mod.linear.forward(x)));
        try (NoGrad g = NoGrad.enter()) {
            Init.constant_(m.namedParameters().get("linear.weight"), 0.25);
        }
        assertEquals(0.25, mod.linear.weight.toFloatArray()[0], 1e-7);
        Path p = dir.resolve("shared.pt");
        m.save(p);
        try (ScriptModule reloaded = Jit.load(p); NoGrad g = NoGrad.enter()) {
            Init.constant_(mod.linear.weight, 3);
            assertEquals(0.25, reloaded.namedParameters().get("linear.weight").toFloatArray()[0], 1e-7);
        }
    }
}
