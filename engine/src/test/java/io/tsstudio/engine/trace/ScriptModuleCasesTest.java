package io.tsstudio.engine.trace;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.nn.Functional;
import io.tsstudio.engine.nn.Init;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptFunction;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.ValueConversionException;
import io.tsstudio.engine.nn.Linear;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tsstudio.engine.trace.Fixtures.t;
import static org.junit.jupiter.api.Assertions.*;

/** Reference §3 C (jit_compile), D (script modules, on R torch's own linear.pt), and the related H and I cases. */
// every module call of these cases is also run by the observing executor and compared (issue 15)
@org.junit.jupiter.api.extension.ExtendWith(io.tsstudio.engine.observe.ObservedCallsCheck.class)
class ScriptModuleCasesTest {
    @TempDir
    Path dir;

    /** R torch's test asset: a traced nn_linear(10, 10) with train/eval/is_training, trainforward/evalforward, forward. */
    private static ScriptModule rLinear() {
        return Jit.load(SharedFixtures.resolve("pytorch/r-traced-linear.pt"));
    }

    @Test
    void case25CompileTwoFunctions() {
        CompilationUnit cu = Jit.compile("def fn(x):\n    return torch.abs(x)\n\ndef foo(x):\n    return torch.sum(x)\n");
        assertTrue(((Tensor) cu.call("fn", t(-1))).equalTo(t(1)));
        Tensor six = (Tensor) cu.call("foo", t(1, 2, 3));
        assertEquals(0, six.dim());
        assertEquals(6.0, six.item());
    }

    @Test
    void case26FunctionOutlivesItsCompilationUnit() {
        CompilationUnit cu = Jit.compile("def fn(x):\n    return torch.abs(x)\n");
        ScriptFunction f = cu.function("fn");
        cu = null;
        System.gc();
        System.gc();
        assertTrue(((Tensor) f.call(t(-1))).equalTo(t(1)));
        f = null;
        System.gc();
    }

    @Test
    void case27Parameters() {
        try (ScriptModule m = rLinear()) {
            Map<String, Tensor> p = m.namedParameters();
            assertEquals(List.of("weight", "bias"), new ArrayList<>(p.keySet()));
            assertArrayEquals(new long[] {10, 10}, p.get("weight").shape());
            assertArrayEquals(new long[] {10}, p.get("bias").shape());
        }
    }

    @Test
    void case28Callable() {
        try (ScriptModule m = rLinear()) {
            assertArrayEquals(new long[] {100, 10}, ((Tensor) m.forward(Tensors.randn(100, 10))).shape());
        }
    }

    @Test
    void case29ParametersAreModifiableInPlace() {
        try (ScriptModule m = rLinear(); NoGrad g = NoGrad.enter()) {
            Init.zeros_(m.namedParameters().get("weight"));
            assertTrue(m.namedParameters().get("weight").equalTo(Tensors.zeros(10, 10)));
        }
    }

    @Test
    void case30TrainAndEval() {
        try (ScriptModule m = rLinear()) {
            m.train(true);
            assertTrue(m.isTraining());
            m.train(false);
            assertFalse(m.isTraining());
            m.train(true);
            assertTrue(m.isTraining());
        }
    }

    @Test
    void case31RegisterParameter() {
        try (ScriptModule m = rLinear()) {
            m.registerParameter("hello", t(1), true);
            assertEquals(List.of("weight", "bias", "hello"), new ArrayList<>(m.namedParameters().keySet()));
        }
    }

    @Test
    void case32RegisterBuffer() {
        try (ScriptModule m = rLinear()) {
            assertTrue(m.namedBuffers().isEmpty());
            m.registerBuffer("hello", t(1));
            Map<String, Tensor> b = m.namedBuffers();
            assertEquals(List.of("hello"), new ArrayList<>(b.keySet()));
            assertTrue(b.get("hello").equalTo(t(1)));
        }
    }

    @Test
    void case33MoveToCuda() {
        Assumptions.assumeTrue(Torch.cudaAvailable(), "case 33 needs a CUDA device (and the GPU build of LibTorch)");
        try (ScriptModule m = rLinear()) {
            m.to(Device.cuda(0));
            assertEquals("cuda", m.namedParameters().get("weight").device().type());
            assertEquals("cuda", m.namedParameters().get("bias").device().type());
        }
    }

    @Test
    void case34Modules() {
        try (ScriptModule m = rLinear()) {
            // R's modules lists the module itself (length 1 for this leaf); namedModules() lists descendants only.
            assertEquals(List.of(), m.namedModules());
            assertEquals(List.of(), m.submodules());
            // R checks modules[[1]](x) == m(x): the one module there is is nn_linear, so its output is x W^T + b
            Tensor x = Tensors.randn(10, 10);
            Tensor w = m.namedParameters().get("weight");
            Tensor b = m.namedParameters().get("bias");
            Tensor expected = x.matmul(w.t()).add(b);
            assertTrue(((Tensor) m.forward(x)).allclose(expected, 1e-5, 1e-6), "forward is the linear layer of its own weights");
        }
    }

    @Test
    void case35ApplyToParameters() {
        try (ScriptModule m = rLinear()) {
            Map<String, Tensor> before = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) before.put(e.getKey(), e.getValue().clone());
            assertTrue(before.values().stream().anyMatch(p -> !p.equalTo(Tensors.zeros(p.shape()))), "the asset's weights are not zero to begin with");

            m.apply(p -> p.mul(2.0)); // a result that is a new tensor is copied back in place
            for (Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) {
                assertTrue(e.getValue().allclose(before.get(e.getKey()).mul(2.0), 0, 0), e.getKey() + " doubled");
                assertTrue(e.getValue().requiresGrad(), e.getKey() + " keeps requires_grad");
            }
            m.apply(Init::zeros_); // R's test: .apply(x -> x.zero_()) leaves every parameter all-zero
            for (Tensor p : m.namedParameters().values()) assertTrue(p.equalTo(Tensors.zeros(p.shape())));
            Tensor out = (Tensor) m.forward(Tensors.randn(3, 10));
            assertTrue(out.equalTo(Tensors.zeros(3, 10)), "the module computes with the applied weights");
        }
    }

    @Test
    void case36StateDict() {
        try (ScriptModule m = rLinear()) {
            Map<String, Tensor> sd = new LinkedHashMap<>(m.stateDict());
            assertEquals(2, sd.size());
            String first = sd.keySet().iterator().next();
            sd.put(first, Tensors.zeros(sd.get(first).shape()));
            m.loadStateDict(sd);
            Tensor p0 = m.namedParameters().values().iterator().next();
            assertTrue(p0.equalTo(Tensors.zeros(p0.shape())));
        }
    }

    @Test
    void case37GraphNodesAndTypes() {
        ScriptModule m = Tracer.trace(new Linear(10, 10), Tensors.randn(10, 10));
        m.train();
        String g = m.graphText("trainforward");
        assertTrue(g.startsWith("graph(%self : __torch__.Linear"), g);
        assertTrue(g.contains("Float(10, 10, strides=[10, 1], requires_grad=0, device=cpu)"), g);
        assertTrue(g.contains("prim::GetAttr[name=\"bias\"](%self)"), g);
        assertTrue(g.contains("prim::GetAttr[name=\"weight\"](%self)"), g);
        assertTrue(g.contains("requires_grad=1, device=cpu) = aten::linear("), g);
        assertEquals(4, g.lines().filter(l -> l.contains(" = ")).count() + 1, g); // 3 nodes + return
    }

    @Test
    void case38GraphFor() {
        // R's snapshot: an untyped Tensor input, prim::profile nodes around the input, weight, bias and output, and
        // aten::linear on the profiled values. A fresh module, so this is the executor's first (profiling) run.
        ScriptModule m = Tracer.trace(new Linear(10, 10), Tensors.randn(10, 10));
        String g = Graphs.graphFor(m, "evalforward", Tensors.randn(10, 10));
        java.util.regex.Matcher in = java.util.regex.Pattern.compile("graph\\(%self : __torch__\\.Linear\\d*,\\s+(%\\w+) : Tensor\\):").matcher(g);
        assertTrue(in.find(), "an untyped Tensor input: " + g);
        String x = in.group(1);
        String input = profiled(g, "Float(10, 10, strides=[10, 1], requires_grad=0, device=cpu)", x);
        String weight = profiled(g, "Float(10, 10, strides=[10, 1], requires_grad=1, device=cpu)", "%weight");
        String bias = profiled(g, "Float(10, strides=[1], requires_grad=1, device=cpu)", "%bias");
        java.util.regex.Matcher linear = java.util.regex.Pattern.compile("(%\\w+) : Tensor = aten::linear\\(" + input + ", " + weight + ", " + bias + "\\)").matcher(g);
        assertTrue(linear.find(), "aten::linear on the profiled input, weight and bias: " + g);
        profiled(g, "Float(10, 10, strides=[10, 1], requires_grad=1, device=cpu)", linear.group(1));
        assertEquals(5, g.lines().filter(l -> l.contains("prim::profile")).count(), "four profiles and the trailing one: " + g);

        // forward dispatches on training: the same profiled linear sits in its eval branch
        String f = Graphs.graphFor(Tracer.trace(new Linear(10, 10), Tensors.randn(10, 10)), "forward", Tensors.randn(10, 10));
        assertTrue(f.contains("prim::If(%training)") && f.contains("aten::linear(%"), f);
        assertTrue(f.lines().filter(l -> l.contains("prim::profile[profiled_type=")).count() >= 4, f);
    }

    /** The value a {@code prim::profile} of {@code type} on {@code of} defines. */
    private static String profiled(String graph, String type, String of) {
        java.util.regex.Matcher p = java.util.regex.Pattern.compile("(%\\w+) : Tensor = prim::profile\\[profiled_type=" + java.util.regex.Pattern.quote(type)
                + ", seen_none=0\\]\\(" + java.util.regex.Pattern.quote(of) + "\\)").matcher(graph);
        assertTrue(p.find(), "a profile of " + of + " as " + type + " in " + graph);
        return p.group(1);
    }

    @Test
    void case66CompiledRelu() {
        CompilationUnit cu = Jit.compile("def fn (x: Tensor):\n    return torch.relu(x)\n");
        assertArrayEquals(new float[] {0, 0, 1}, ((Tensor) cu.call("fn", t(-1, 0, 1))).toFloatArray());
    }

    @Test
    void case68PyTorchMadeModulesLoadAndRun() {
        try (ScriptModule m = Jit.load(SharedFixtures.resolve("pytorch/linrelu.script.dat"))) {
            Tensor out = (Tensor) m.forward(Tensors.ones(10));
            assertArrayEquals(new long[] {6}, out.shape());
            assertTrue(out.allclose(t(0.313458264f, 0, 0.9996568f, 0, 0, 0), 1e-4, 1e-5));
        }
    }

    @Test
    void case73SerializeFunctionsAndBadBytes() {
        // R refuses to serialize a script_function; here a traced function serializes as its placeholder module.
        byte[] bytes = Tracer.trace(Functional::relu, t(-1, 0, 1)).serialize();
        try (ScriptModule back = Jit.load(bytes)) {
            assertTrue(((Tensor) back.forward(t(-2, 2))).equalTo(t(0, 2)));
        }
        assertThrows(TorchException.class, () -> Jit.load("abc".getBytes()));
    }

    @Test
    void case74SaveAndLoadErrors() throws Exception {
        // Java's types rule out saving a number; loading a missing file or a non-archive is the runtime error.
        TorchException missing = assertThrows(TorchException.class, () -> Jit.load(dir.resolve("missing.pt")));
        assertEquals("no such file: " + dir.resolve("missing.pt"), missing.getMessage());
        Path notAFile = Files.createDirectory(dir.resolve("a-directory.pt"));
        TorchException dirErr = assertThrows(TorchException.class, () -> Tracer.trace(Functional::relu, t(1)).save(notAFile));
        assertTrue(dirErr.getMessage().startsWith("cannot write " + notAFile + ": ") && dirErr.getMessage().endsWith(notAFile + ": Is a directory"), dirErr.getMessage());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of("a-directory.pt"), listing.map(p -> p.getFileName().toString()).toList(), "no temp file left");
        }
    }

    @Test
    void case75TupleConstruction() {
        // jit_scalar has no Java counterpart (Long/Double/Boolean are scalars); the tuple record validates its names.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JitTuple.named(List.of("a"), List.of(t(1), t(2))));
        assertEquals("a named tuple needs one name per value: 1 names for 2 values", e.getMessage());
        assertEquals(2, JitTuple.of(t(1), t(2)).size());
    }

    @Test
    void case76ModuleRegistrationErrors() {
        // Java's types rule out registering a plain module as a child or a non-persistent buffer flag; a bad
        // attribute name is the runtime error left.
        try (ScriptModule m = rLinear()) {
            TorchException e = assertThrows(TorchException.class, () -> m.registerBuffer("a.b", t(1)));
            assertEquals("'a.b' is not a plain attribute name (register on the submodule instead)", e.getMessage());
            assertFalse(m.namedBuffers().containsKey("a.b"), "nothing was registered");
        }
    }

    @Test
    void case77UnsupportedValues() {
        CompilationUnit cu = Jit.compile("def f(x: Tensor) -> Tensor:\n    return x\n\ndef c(x: float) -> complex:\n    return complex(x, 1.0)\n");
        ValueConversionException in = assertThrows(ValueConversionException.class, () -> cu.call("f", new Object()));
        assertEquals("argument 'x' of f: expected Tensor, got Object", in.getMessage());
        ValueConversionException out = assertThrows(ValueConversionException.class, () -> cu.call("c", 1.0));
        assertEquals("result of c: a TorchScript ComplexDouble has no Java form here", out.getMessage());
    }

    @Test
    void case82CompiledIntFunction() {
        CompilationUnit cu = Jit.compile("def f(n: int):\n    return n + 1\n");
        assertEquals(2L, cu.call("f", 1L));
        ValueConversionException list = assertThrows(ValueConversionException.class, () -> cu.call("f", List.of(1L)));
        assertEquals("argument 'n' of f: expected int, got List of 1 element", list.getMessage());
        ValueConversionException real = assertThrows(ValueConversionException.class, () -> cu.call("f", 1.0));
        assertEquals("argument 'n' of f: expected int, got Double 1.0", real.getMessage());
    }
}
