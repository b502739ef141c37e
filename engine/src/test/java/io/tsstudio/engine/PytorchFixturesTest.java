package io.tsstudio.engine;

import io.tsstudio.testkit.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static io.tsstudio.engine.Fixtures.assertClose;
import static io.tsstudio.engine.Fixtures.ones;
import static org.junit.jupiter.api.Assertions.*;

/** The files in ../shared/fixtures/pytorch give the outputs their README states, before and after save + reload. */
class PytorchFixturesTest {
    @TempDir
    Path tmp;

    /** Runs the check on the loaded file, then on a saved-and-reloaded copy, then on a copy from bytes. */
    private void checkBothWays(String file, java.util.function.Consumer<ScriptModule> check) {
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch(file))) {
            check.accept(m);
            Path copy = tmp.resolve("copy-" + file);
            m.save(copy);
            try (ScriptModule again = Jit.load(copy)) {
                check.accept(again);
            }
            try (ScriptModule fromBytes = Jit.load(m.toBytes())) {
                check.accept(fromBytes);
            }
        }
    }

    private static float[] forwardFloats(ScriptModule m, Tensor... in) {
        try (Tensor out = (Tensor) m.forward((Object[]) in)) {
            return out.toFloatArray();
        }
    }

    @Test
    void linrelu() {
        checkBothWays("linrelu.script.dat", m -> {
            try (Tensor x = ones(10); Tensor out = (Tensor) m.forward(x)) {
                assertArrayEquals(new long[] {6}, out.shape());
                assertClose(new float[] {0.313458264f, 0, 0.9996568f, 0, 0, 0}, out.toFloatArray());
            }
        });
    }

    @Test
    void l1000() {
        checkBothWays("l1000_100_10.script.dat", m -> {
            try (Tensor x = ones(1000); Tensor out = (Tensor) m.forward(x)) {
                assertArrayEquals(new long[] {10}, out.shape());
                assertClose(new float[] {0.564213157f, -0.04519982f, -0.005117342f, 0.395530462f, -0.3780813f, -0.004734449f,
                        -0.3221216f, -0.289159119f, 0.268511474f, 0.180702567f}, out.toFloatArray());
            }
            assertEquals(4, m.namedModules().size());
            assertEquals(2, m.submodules().size());
        });
    }

    @Test
    void l1000WrongShapeIsAClearError() {
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("l1000_100_10.script.dat")); Tensor x = ones(100)) {
            TorchException e = assertThrows(TorchException.class, () -> m.forward(x));
            assertTrue(e.getMessage().contains("forward"), e.getMessage());
            assertTrue(e.getMessage().contains("shapes cannot be multiplied") || e.getMessage().contains("size mismatch"), e.getMessage());
            assertFalse(e.getMessage().contains("frame #"), "no C++ backtrace in the message: " + e.getMessage());
        }
    }

    @Test
    void scripted() {
        checkBothWays("scripted.script.dat", m -> {
            try (Tensor x = ones(6)) {
                assertClose(new float[] {1.554085f, 1.01024628f, -1.35086036f, -1.84021854f, 0.0127189457f, 0.5994258f}, forwardFloats(m, x));
            }
        });
    }

    @Test
    void func() {
        checkBothWays("func.script.dat", m -> {
            try (Tensor x = ones(10); Tensor y = ones(10)) {
                float[] two = new float[10];
                java.util.Arrays.fill(two, 2f);
                assertClose(two, forwardFloats(m, x, y));
            }
            assertTrue(m.submodules().isEmpty());
        });
    }

    private static float[] combine(float[] a, float[] b, boolean add) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = add ? a[i] + b[i] : a[i] - b[i];
        return out;
    }

    @Test
    void tupleOut() {
        checkBothWays("tuple_out.dat", m -> {
            Random r = new Random(1);
            try (Tensor x = Fixtures.rand(r, 3, 4); Tensor y = Fixtures.rand(r, 3, 4)) {
                JitTuple t = (JitTuple) m.forward(x, y);
                assertEquals(2, t.size());
                assertFalse(t.isNamed());
                try (Tensor sum = (Tensor) t.get(0); Tensor diff = (Tensor) t.get(1)) {
                    assertArrayEquals(new long[] {3, 4}, sum.shape());
                    assertClose(combine(x.toFloatArray(), y.toFloatArray(), true), sum.toFloatArray());
                    assertClose(combine(x.toFloatArray(), y.toFloatArray(), false), diff.toFloatArray());
                }
            }
        });
    }

    @Test
    void listOut() {
        checkBothWays("list_out.dat", m -> {
            Random r = new Random(2);
            try (Tensor x = Fixtures.rand(r, 3, 4); Tensor y = Fixtures.rand(r, 3, 4)) {
                @SuppressWarnings("unchecked")
                List<Object> l = (List<Object>) m.forward(x, y);
                assertEquals(2, l.size());
                try (Tensor sum = (Tensor) l.get(0); Tensor diff = (Tensor) l.get(1)) {
                    assertClose(combine(x.toFloatArray(), y.toFloatArray(), true), sum.toFloatArray());
                    assertClose(combine(x.toFloatArray(), y.toFloatArray(), false), diff.toFloatArray());
                }
            }
        });
    }

    @Test
    void exportedMethods() {
        checkBothWays("exported.method.dat", m -> {
            try (Tensor z = Fixtures.zeros(10); Tensor out = (Tensor) m.call("add_scalar", z, 1L)) {
                assertClose(ones(10).toFloatArray(), out.toFloatArray());
            }
            try (Tensor z = Fixtures.zeros(10); Tensor out = (Tensor) m.call("add_scalar", z, 1)) { // Integer accepted
                assertClose(ones(10).toFloatArray(), out.toFloatArray());
            }
            Random r = new Random(3);
            try (Tensor a = Fixtures.rand(r, 10); Tensor out = (Tensor) m.call("predict", a); Tensor p = m.namedParameters().get("p")) {
                assertClose(combine(a.toFloatArray(), p.toFloatArray(), true), out.toFloatArray());
                assertFalse(java.util.Arrays.equals(a.toFloatArray(), out.toFloatArray()));
            }
            List<String> names = m.methods().stream().map(MethodInfo::name).toList();
            assertTrue(names.containsAll(List.of("forward", "predict", "add_scalar")), names.toString());
            MethodInfo add = m.method("add_scalar");
            assertEquals(List.of("x", "i"), add.arguments().stream().map(ArgumentInfo::name).toList());
            assertEquals("int", add.arguments().get(1).type());
            assertEquals("Tensor", add.returnType());
        });
    }

    @Test
    void wrongArgumentTypeNamesArgumentTypeAndValue() {
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("exported.method.dat")); Tensor z = Fixtures.zeros(10)) {
            ValueConversionException e = assertThrows(ValueConversionException.class, () -> m.call("add_scalar", z, "x"));
            assertEquals("argument 'i' of add_scalar: expected int, got String \"x\"", e.getMessage());
        }
    }

    @Test
    void rTracedLinear() {
        checkBothWays("r-traced-linear.pt", m -> {
            Random r = new Random(4);
            float[] v = new float[1000];
            for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
            try (Tensor x = Tensors.of(v, 100, 10); Tensor out = (Tensor) m.forward(x)) {
                assertArrayEquals(new long[] {100, 10}, out.shape());
            }
            List<String> params = List.copyOf(m.namedParameters().keySet());
            assertEquals(List.of("weight", "bias"), params);
        });
    }

    @Test
    void rTracedLinearTrainEval() {
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("r-traced-linear.pt")); Tensor x = ones(4, 10)) {
            m.eval();
            assertFalse(m.isTraining());
            Function<ScriptModule, float[]> run = mod -> {
                try (Tensor out = (Tensor) mod.forward(x)) {
                    return out.toFloatArray();
                }
            };
            float[] evalOut = run.apply(m);
            m.train();
            assertTrue(m.isTraining());
            float[] trainOut = run.apply(m);
            assertClose(evalOut, trainOut); // a linear layer behaves the same in both modes
            m.eval();
            assertFalse(m.isTraining());
        }
    }

    @Test
    void switchingBetweenTrainAndEvalAfterManyCallsKeepsWorking() {
        for (String file : List.of("linrelu.script.dat", "l1000_100_10.script.dat")) {
            try (ScriptModule m = Jit.load(SharedFixtures.pytorch(file)); Tensor x = ones(1, file.startsWith("l1000") ? 1000 : 10)) {
                float[] expected = forwardFloats(m, x);
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < 20; i++) assertClose(expected, forwardFloats(m, x)); // past the executor's profiling runs
                    if (m.isTraining()) m.eval(); else m.train();
                }
            }
        }
    }

    @Test
    void anEvalModulesOutputFeedsATrainingModule() {
        try (ScriptModule first = Jit.load(SharedFixtures.pytorch("r-traced-linear.pt")); ScriptModule second = Jit.load(SharedFixtures.pytorch("r-traced-linear.pt"));
             Tensor x = ones(2, 10)) {
            first.eval();
            second.train();
            try (Tensor mid = (Tensor) first.forward(x); Tensor out = (Tensor) second.forward(mid)) {
                assertArrayEquals(new long[] {2, 10}, out.shape());
                assertTrue(out.requiresGrad(), "a training module's output tracks gradients");
            }
        }
    }
}
