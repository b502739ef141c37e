package io.tsstudio.ui.run;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.run.OutputNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The run panel's view model over the real engine (in this process), without any toolkit. */
class RunPanelViewModelTest {
    @TempDir
    Path dir;
    private InProcessBackend backend;
    private RunPanelViewModel vm;

    @BeforeEach
    void setUp() {
        backend = new InProcessBackend();
        vm = new RunPanelViewModel(backend, new InputsStore(dir.resolve("inputs.json")), Runnable::run);
    }

    @AfterEach
    void tearDown() {
        backend.close();
    }

    private void open(String fixture) throws Exception {
        vm.setModel(SharedFixtures.pytorch(fixture)).get(30, TimeUnit.SECONDS);
        assertNull(vm.errorProperty().get(), vm.errorProperty().get());
    }

    private static void tensor(ArgumentInput a, String shape, ArgumentInput.Fill fill) {
        a.shapeProperty().set(shape);
        a.fillProperty().set(fill);
        a.dtypeProperty().set(DType.FLOAT32);
    }

    @Test
    void loadsMethodsAndBuildsInputsFromTheSchema() throws Exception {
        open("exported.method.dat");
        assertTrue(vm.methods().stream().map(m -> m.name()).toList().containsAll(List.of("forward", "predict", "add_scalar")));
        assertEquals("forward", vm.methodProperty().get().name());
        vm.methodProperty().set(vm.methods().stream().filter(m -> m.name().equals("add_scalar")).findFirst().orElseThrow());
        assertEquals(List.of("x", "i"), vm.arguments().stream().map(ArgumentInput::name).toList());
        assertEquals(ArgumentInput.Kind.TENSOR, vm.arguments().get(0).kind());
        assertEquals(ArgumentInput.Kind.INT, vm.arguments().get(1).kind());
    }

    @Test
    void runsLinReluAndShowsItsValues() throws Exception {
        open("linrelu.script.dat");
        tensor(vm.arguments().get(0), "10", ArgumentInput.Fill.ONES);
        vm.run().get(30, TimeUnit.SECONDS);
        assertNull(vm.errorProperty().get(), vm.errorProperty().get());
        OutputNode out = vm.outcomeProperty().get().output();
        assertTrue(out.hasTensor());
        assertArrayEquals(new long[] {6}, out.tensor().shape());
        assertArrayEquals(new double[] {0.313458264, 0, 0.9996568, 0, 0, 0}, out.tensor().values(), 1e-5);
        assertEquals(0, out.tensor().nanCount());
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("forward ran on cpu"), vm.statusProperty().get());
    }

    @Test
    void addScalarWithAnIntArgument() throws Exception {
        open("exported.method.dat");
        vm.methodProperty().set(vm.methods().stream().filter(m -> m.name().equals("add_scalar")).findFirst().orElseThrow());
        tensor(vm.arguments().get(0), "10", ArgumentInput.Fill.ZEROS);
        vm.arguments().get(1).textProperty().set("1");
        vm.run().get(30, TimeUnit.SECONDS);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, vm.outcomeProperty().get().output().tensor().values());
    }

    @Test
    void aShapeMismatchIsReportedClearly() throws Exception {
        open("l1000_100_10.script.dat");
        tensor(vm.arguments().get(0), "100", ArgumentInput.Fill.ONES);
        vm.run().get(30, TimeUnit.SECONDS);
        String err = vm.errorProperty().get();
        assertNotNull(err);
        assertTrue(err.contains("100") && err.contains("1000"), err);
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void invalidInputIsRefusedBeforeRunning() throws Exception {
        open("exported.method.dat");
        vm.methodProperty().set(vm.methods().stream().filter(m -> m.name().equals("add_scalar")).findFirst().orElseThrow());
        vm.arguments().get(1).textProperty().set("one");
        assertFalse(vm.arguments().get(1).isValid());
        vm.run().get(5, TimeUnit.SECONDS);
        assertEquals("argument 'i' expects an int, got 'one'", vm.errorProperty().get());
        assertNull(vm.outcomeProperty().get());
    }

    @Test
    void tupleOutputsBecomeATree() throws Exception {
        open("tuple_out.dat");
        for (ArgumentInput a : vm.arguments()) tensor(a, "3, 4", ArgumentInput.Fill.ONES);
        vm.run().get(30, TimeUnit.SECONDS);
        OutputNode out = vm.outcomeProperty().get().output();
        assertEquals("tuple", out.kind());
        assertEquals(2, out.children().size());
        assertEquals(2.0, out.children().get(0).tensor().mean(), 1e-6);
        assertEquals(0.0, out.children().get(1).tensor().max(), 1e-6);
    }

    @Test
    void benchmarkAddsARowPerRun() throws Exception {
        open("func.script.dat");
        for (ArgumentInput a : vm.arguments()) tensor(a, "10", ArgumentInput.Fill.ONES);
        vm.warmupProperty().set(2);
        vm.iterationsProperty().set(20);
        vm.concurrencyProperty().set(2);
        vm.benchmark().get(30, TimeUnit.SECONDS);
        assertEquals(1, vm.benchmarks().size());
        assertEquals(2, vm.benchmarks().get(0).concurrency());
        assertEquals(20, vm.benchmarks().get(0).stats().count());
        assertEquals("cpu", vm.benchmarks().get(0).device());
    }

    @Test
    void inputsAreRememberedPerModel() throws Exception {
        open("linrelu.script.dat");
        tensor(vm.arguments().get(0), "10", ArgumentInput.Fill.ARANGE);
        vm.run().get(30, TimeUnit.SECONDS);
        assertTrue(Files.isRegularFile(dir.resolve("inputs.json")));

        RunPanelViewModel again = new RunPanelViewModel(backend, new InputsStore(dir.resolve("inputs.json")), Runnable::run);
        again.setModel(SharedFixtures.pytorch("linrelu.script.dat")).get(30, TimeUnit.SECONDS);
        assertEquals("10", again.arguments().get(0).shapeProperty().get());
        assertEquals(ArgumentInput.Fill.ARANGE, again.arguments().get(0).fillProperty().get());
    }

    @Test
    void onlyCpuShowsHowToGetTheGpuBuild() throws Exception {
        vm.refreshDevices().get(30, TimeUnit.SECONDS);
        assertTrue(vm.devices().contains("cpu"));
        if (vm.devices().size() == 1) assertTrue(vm.deviceNoteProperty().get().contains("-Ppytorch-gpu"));
        else assertNull(vm.deviceNoteProperty().get());
    }

    @Test
    void savesATensorAsNpy() throws Exception {
        open("linrelu.script.dat");
        tensor(vm.arguments().get(0), "10", ArgumentInput.Fill.ONES);
        vm.run().get(30, TimeUnit.SECONDS);
        Path npy = dir.resolve("out.npy");
        vm.saveOutput(List.of(), npy).get(30, TimeUnit.SECONDS);
        assertNull(vm.errorProperty().get(), vm.errorProperty().get());
        byte[] b = Files.readAllBytes(npy);
        assertEquals("NUMPY", new String(b, 1, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(new String(b, 10, 60, java.nio.charset.StandardCharsets.US_ASCII).contains("'shape': (6,)"));
    }
}
