package io.tsstudio.app.studio;

import io.tsstudio.app.worker.Fixtures;
import io.tsstudio.ui.compare.CompareViewModel;
import io.tsstudio.ui.compare.ComparisonRuns;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.graph.fx.GraphCompareView;
import io.tsstudio.ui.session.OpenModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * File › Compare with… in the studio: both models run in the comparisons' worker process, so a model that never
 * returns is stopped by killing that worker, and the studio carries on comparing.
 */
@ExtendWith(ApplicationExtension.class)
class CompareInWorkerTest {
    @TempDir
    static Path home;

    private Stage stage;
    private StudioViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        TestStudio studio = TestStudio.show(stage, home);
        vm = studio.vm();
        window = studio.window();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            window.closeGraphRuns();
            vm.shutdown();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Compiles {@code source} to {@code file}; the studio opens it as the active model. */
    private OpenModel compiled(String source, Path file) throws Exception {
        EditorViewModel script = fx(() -> vm.newScript(source));
        fx(() -> vm.compileToModule(script, file)).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        OpenModel m = fx(() -> vm.workspace().activeModel());
        assertEquals(file.toAbsolutePath().normalize(), m.file().toAbsolutePath().normalize());
        return m;
    }

    private static String status(GraphCompareView view) throws Exception {
        return fx(() -> ((Label) view.lookup("#compareStatus")).getText());
    }

    @Test
    void aModelThatNeverReturnsIsStoppedInTheWorkerAndTheStudioComparesOnAfterwards(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("loop_b.pt");
        compiled(Fixtures.LOOP_FOREVER, other);
        OpenModel loop = compiled(Fixtures.LOOP_FOREVER, dir.resolve("loop_a.pt"));
        CompareRuns runs = (CompareRuns) ComparisonRuns.studioDefault().orElseThrow();

        GraphCompareView view = fx(() -> CompareWindow.open(stage, loop, other));
        GraphCompareView beside = fx(() -> CompareWindow.open(stage, loop, other));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> runs.worker().workerPid() != null));
        long pid = fx(() -> runs.worker().workerPid());
        // both comparisons reached the worker (so stopping one ends the other's runs too), and the loop is running
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.inWorker() == 2);
        Thread.sleep(2000);
        assertEquals("Comparing\u2026", status(view), "the endless loop finished?");
        assertEquals("Comparing\u2026", status(beside));
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        // two comparisons wait on endless loops, and the studio's engine work still gets done: waiting holds no lane
        Path plusTwo = dir.resolve("plus_two.pt");
        compiled("def forward(x: Tensor) -> Tensor:\n    return x + 2.0\n", plusTwo);

        Button stop = fx(() -> (Button) view.lookup("#compareStop"));
        assertFalse(fx(stop::isDisabled));
        fx(() -> {
            stop.fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(view).startsWith("Comparison stopped"));
        assertEquals("Comparison stopped: both models' runs were ended; nothing was compared.", status(view));
        assertTrue(fx(stop::isDisabled));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        // the other window's runs shared that worker: it says why it has no numbers instead of "stopped"
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> beside.viewModel().isPresent()));
        assertTrue(status(beside).endsWith("inputs: not run: the runs were ended because another comparison was stopped; compare again"),
                status(beside));
        fx(() -> {
            beside.getScene().getWindow().hide();
            return null;
        });
        fx(() -> {
            view.getScene().getWindow().hide();
            return null;
        });

        // the studio is still up: a pair that computes different things is compared in a fresh worker
        OpenModel plusOne = compiled("def forward(x: Tensor) -> Tensor:\n    return x + 1.0\n", dir.resolve("plus_one.pt"));
        GraphCompareView second = fx(() -> CompareWindow.open(stage, plusOne, plusTwo));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> second.viewModel().isPresent()));
        CompareViewModel result = fx(() -> second.viewModel().orElseThrow());
        assertFalse(result.diff().numeric().orElseThrow().outputsEqual(), status(second));
        assertEquals(1.0, result.diff().numeric().orElseThrow().outputMaxAbsDiff(), 1e-6);
        assertTrue(status(second).contains("inputs: x = "), status(second));
        assertNotEquals(pid, fx(() -> runs.worker().workerPid()));
        fx(() -> {
            second.getScene().getWindow().hide();
            return null;
        });
    }

    @Test
    void aWorkerKilledUnderAComparisonIsReportedInWordsAndTheStudioStaysUp(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("loop_b.pt");
        compiled(Fixtures.LOOP_FOREVER, other);
        OpenModel loop = compiled(Fixtures.LOOP_FOREVER, dir.resolve("loop_a.pt"));
        CompareRuns runs = (CompareRuns) ComparisonRuns.studioDefault().orElseThrow();
        GraphCompareView view = fx(() -> CompareWindow.open(stage, loop, other));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> runs.worker().workerPid() != null));
        long pid = fx(() -> runs.worker().workerPid());
        Thread.sleep(2000);
        assertEquals("Comparing\u2026", status(view));

        // what the system's out-of-memory killer does to a process
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> view.viewModel().isPresent()));
        assertTrue(status(view).contains("inputs: not run: The worker process was killed by the system (SIGKILL), most likely because the machine ran out of memory."),
                status(view));
        assertTrue(fx(() -> ((Button) view.lookup("#compareStop")).isDisabled()));
        // the structure part is still there
        assertTrue(fx(() -> view.viewModel().orElseThrow().diff().numeric().isEmpty()));
        fx(() -> {
            view.getScene().getWindow().hide();
            return null;
        });
    }
}
