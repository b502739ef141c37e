package io.tsstudio.app.worker;

import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.diff.InputsDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.diff.ModuleOutputDiff;
import io.tsstudio.engine.diff.Tolerance;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.testkit.SharedFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The worker's {@code diff} request: both models run and compared in the real worker process. */
class WorkerDiffTest {
    private static WorkerClient client;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        client = new WorkerClient(WorkerLaunch.sameAsThisProcess());
        client.ready().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static Path model() {
        return SharedFixtures.pytorch("l1000_100_10.script.dat");
    }

    /** The fixture with row 3 of its first layer's weight moved by 0.25, saved as {@code name}. */
    private static Path nudged(String name) {
        Path out = dir.resolve(name);
        try (ScriptModule m = Jit.load(model())) {
            Map<String, Tensor> params = m.namedParameters();
            try (NoGrad g = NoGrad.enter(); Tensor row = params.get("0.0.weight").select(0, 3)) {
                row.add_(0.25);
            } finally {
                params.values().forEach(Tensor::close);
            }
            m.save(out);
        }
        return out;
    }

    private static Path loopForever(String name) {
        return compiled(name, Fixtures.LOOP_FOREVER);
    }

    private static Path compiled(String name, String source) {
        Path out = dir.resolve(name);
        try (CompilationUnit cu = Jit.compile(source); ScriptModule m = cu.toModule("Script")) {
            m.save(out);
        }
        return out;
    }

    @Test
    void aNudgedWeightDivergesFirstInItsOwnLayerAndTheWorkerSendsWhatTheEngineComputes() throws Exception {
        Path b = nudged("nudged.pt");
        InputsDiff.Result viaWorker = client.diff(model(), b, "forward", List.of(), Tolerance.DEFAULT).get(120, TimeUnit.SECONDS);

        ModuleOutputDiff first = viaWorker.numeric().firstDivergence().orElseThrow();
        assertEquals("0.0", first.path());
        assertTrue(first.diverges() && first.maxAbsDiff() > 0, first::toString);
        assertFalse(viaWorker.numeric().outputsEqual());
        assertEquals(List.of("", "0", "0.0", "0.1", "1"), viaWorker.numeric().modules().stream().map(ModuleOutputDiff::path).toList());
        assertTrue(viaWorker.inputs().startsWith("input = {\"tensor\""), viaWorker.inputs());

        // the same comparison in this process, on the same proposed inputs: the reply lost nothing on the way
        try (ScriptModule ma = Jit.load(model()); ScriptModule mb = Jit.load(b)) {
            InputsDiff.Result here = InputsDiff.run(ma, mb, "forward", List.of(), Tolerance.DEFAULT, ModelDiffer.DEFAULT_KEEP_BYTES, CancelToken.none());
            assertEquals(here, viaWorker);
        }
    }

    @Test
    void givenArgumentsAreUsedAndAFailureComesBackAsAClearError() throws Exception {
        String ones = "{\"tensor\":{\"shape\":[2,1000],\"fill\":\"ones\"},\"dtype\":\"float32\"}";
        InputsDiff.Result same = client.diff(model(), model(), "forward", List.of(ones), Tolerance.DEFAULT).get(120, TimeUnit.SECONDS);
        assertTrue(same.numeric().equivalent(), same.numeric()::toString);
        assertEquals("input = " + ones, same.inputs());

        ExecutionException noMethod = assertThrows(ExecutionException.class,
                () -> client.diff(model(), model(), "decode", List.of(), Tolerance.DEFAULT).get(60, TimeUnit.SECONDS));
        assertInstanceOf(WorkerException.class, noMethod.getCause());
        assertEquals("the first model has no method decode", noMethod.getCause().getMessage());

        String wrongShape = "{\"tensor\":{\"shape\":[2,7],\"fill\":\"ones\"},\"dtype\":\"float32\"}";
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> client.diff(model(), model(), "forward", List.of(wrongShape), Tolerance.DEFAULT).get(60, TimeUnit.SECONDS));
        assertInstanceOf(WorkerException.class, failed.getCause());
        assertTrue(failed.getCause().getMessage().startsWith("forward failed on the inputs ("), failed.getCause().getMessage());
    }

    @Test
    void aModelThatRunsOutOfMemoryIsNamedAsSuchAndTheWorkerStays() throws Exception {
        Path hog = compiled("hog.pt", Fixtures.ALLOCATE_TOO_MUCH);
        Long pid = client.workerPid();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.diff(hog, hog, "forward", List.of(), Tolerance.DEFAULT).get(120, TimeUnit.SECONDS));
        WorkerException w = assertInstanceOf(WorkerException.class, e.getCause());
        assertEquals(WorkerException.Kind.OUT_OF_MEMORY, w.kind(), w.getMessage());
        assertTrue(w.getMessage().startsWith("Out of memory: the model needed more main memory than is available (it asked for 4.0 TiB)"), w.getMessage());
        assertEquals(pid, client.workerPid(), "an allocation failure must not cost the worker");
    }

    @Test
    void cancellingADiffOfAModelThatNeverReturnsEndsItAndTheNextDiffRuns() throws Exception {
        Path loop = loopForever("loop.pt");
        CompletableFuture<InputsDiff.Result> endless = client.diff(loop, loop, "forward", List.of(), Tolerance.DEFAULT);
        Thread.sleep(1500);
        assertFalse(endless.isDone(), "the loop ended by itself? " + endless);
        long t0 = System.nanoTime();
        client.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> endless.get(1, TimeUnit.SECONDS));
        assertInstanceOf(CancellationException.class, e.getCause());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 1000, "cancel took too long");

        InputsDiff.Result next = client.diff(model(), model(), "forward", List.of(), Tolerance.DEFAULT).get(120, TimeUnit.SECONDS);
        assertTrue(next.numeric().equivalent());
    }
}
