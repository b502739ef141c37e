package io.tsstudio.engine.run;

import io.tsstudio.engine.Tensors;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.internal.torch.ValueFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Runs on real modules: concurrent callers on one module, JSON arguments, TorchScript source, saving outputs. */
class ModelSessionTest {
    private static final double[] LINRELU_ONES = {0.313458264, 0, 0.9996568, 0, 0, 0};

    static Path fixture(String name) {
        return SharedFixtures.pytorch(name);
    }

    private static String ones(int... shape) {
        return "{\"tensor\": {\"shape\": " + java.util.Arrays.toString(shape) + ", \"fill\": \"ones\"}, \"dtype\": \"float32\"}";
    }

    @Test
    void concurrentCallersOnOneModuleAllGetCorrectResults() throws Exception {
        try (ScriptModule m = Jit.load(fixture("linrelu.script.dat"), Device.CPU);
             Tensor x = Tensors.of(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 10)) {
            AtomicInteger wrong = new AtomicInteger();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            RunResult<Object> r = new Runner(new RunPlan(10, 2000, 4)).run(() -> {
                threads.add(Thread.currentThread().getName());
                Tensor y = (Tensor) m.call("forward", x);
                float[] v = y.toFloatArray();
                for (int i = 0; i < v.length; i++) if (Math.abs(v[i] - LINRELU_ONES[i]) > 1e-5) wrong.incrementAndGet();
                return y;
            }, ModelSession::release, CancelToken.none());
            assertEquals(0, wrong.get(), "some concurrent calls gave wrong values");
            assertEquals(2000, r.stats().count());
            assertTrue(threads.size() >= 4, threads.toString());
            assertArrayEquals(LINRELU_ONES, ((Tensor) r.output()).toDoubleArray(), 1e-5);
            ((Tensor) r.output()).close();
        }
    }

    @Test
    void runsWithJsonArgumentsAndGivesTreeJsonAndStats() throws Exception {
        try (ModelSession s = new ModelSession()) {
            List<MethodInfo> methods = s.load(fixture("tuple_out.dat"), Device.CPU);
            assertEquals("forward", methods.stream().filter(m -> m.name().equals("forward")).findFirst().orElseThrow().name());
            RunOutcome out = s.run(new RunRequest("forward", List.of(ones(3, 4), ones(3, 4)), new RunPlan(1, 5, 1)), RunListener.NONE, CancelToken.none());
            assertEquals("tuple", out.output().kind());
            assertEquals(2.0, out.output().children().get(0).tensor().mean(), 1e-9);
            assertEquals(0.0, out.output().children().get(1).tensor().max(), 1e-9);
            assertEquals(5, out.stats().count());
            assertTrue(out.outputJson().contains("\"tuple\""), out.outputJson());
        }
    }

    @Test
    void wrongArgumentCountNamesTheArguments() throws Exception {
        try (ModelSession s = new ModelSession()) {
            s.load(fixture("func.script.dat"), Device.CPU);
            Exception e = assertThrows(Exception.class, () -> s.run(new RunRequest("forward", List.of(ones(10)), RunPlan.single()), RunListener.NONE, CancelToken.none()));
            assertTrue(e.getMessage().startsWith("forward takes 2 arguments (x, y), got 1") || e.getMessage().contains("x, y"), e.getMessage());
        }
    }

    @Test
    void loadsTorchScriptSourceAsAModule(@TempDir Path dir) throws Exception {
        Path src = Files.writeString(dir.resolve("double.py"), "def forward(x: Tensor, k: int) -> Tensor:\n    return x * k\n");
        try (ModelSession s = new ModelSession()) {
            List<MethodInfo> methods = s.load(src, Device.CPU);
            assertEquals(List.of("x", "k"), methods.get(0).arguments().stream().map(a -> a.name()).toList());
            RunOutcome out = s.run(new RunRequest("forward", List.of(ones(2), "3"), RunPlan.single()), RunListener.NONE, CancelToken.none());
            assertArrayEquals(new double[] {3, 3}, out.output().tensor().values());
        }
    }

    @Test
    void sourceIsToldAsTheStudioTellsIt(@TempDir Path dir) throws Exception {
        // the run path once knew .py/.ts/.torchscript only, while the studio also opened .txt and sniffed text
        String code = "def forward(x: Tensor) -> Tensor:\n    return x + 1\n";
        for (String name : List.of("add.txt", "add.torchscript", "add.script")) {
            Path src = Files.writeString(dir.resolve(name), code);
            try (ModelSession s = new ModelSession()) {
                assertEquals("forward", s.load(src, Device.CPU).get(0).name(), name);
                RunOutcome out = s.run(new RunRequest("forward", List.of(ones(2)), RunPlan.single()), RunListener.NONE, CancelToken.none());
                assertArrayEquals(new double[] {2, 2}, out.output().tensor().values(), name);
            }
        }
    }

    @Test
    void savesOutputsAsPtAndNpyAndReadsThemBackAsInputs(@TempDir Path dir) throws Exception {
        try (ModelSession s = new ModelSession()) {
            s.load(fixture("tuple_out.dat"), Device.CPU);
            s.run(new RunRequest("forward", List.of(ones(2, 2), ones(2, 2)), RunPlan.single()), RunListener.NONE, CancelToken.none());
            Path pt = dir.resolve("all.pt");
            s.saveOutput(List.of(), pt);
            Object back = ValueFiles.load(pt);
            JitTuple t = assertInstanceOf(JitTuple.class, back);
            assertArrayEquals(new float[] {2, 2, 2, 2}, ((Tensor) t.get(0)).toFloatArray());
            ModelSession.release(back);
            Path npy = dir.resolve("first.npy");
            s.saveOutput(List.of(0), npy);
            assertThrows(IllegalArgumentException.class, () -> s.saveOutput(List.of(), dir.resolve("tuple.npy")));

            s.load(fixture("func.script.dat"), Device.CPU);
            Path single = dir.resolve("one.pt");
            s.run(new RunRequest("forward", List.of(ones(4), ones(4)), RunPlan.single()), RunListener.NONE, CancelToken.none());
            s.saveOutput(List.of(), single);
            String fromNpy = "{\"file\": \"" + npy.toString().replace("\\", "\\\\") + "\"}";
            String fromPt = "{\"file\": \"" + single.toString().replace("\\", "\\\\") + "\"}";
            RunOutcome out = s.run(new RunRequest("forward", List.of(fromNpy, fromNpy), RunPlan.single()), RunListener.NONE, CancelToken.none());
            assertArrayEquals(new long[] {2, 2}, out.output().tensor().shape());
            assertEquals(4.0, out.output().tensor().max());
            RunOutcome out2 = s.run(new RunRequest("forward", List.of(fromPt, fromPt), RunPlan.single()), RunListener.NONE, CancelToken.none());
            assertEquals(4.0, out2.output().tensor().min());
        }
    }
}
