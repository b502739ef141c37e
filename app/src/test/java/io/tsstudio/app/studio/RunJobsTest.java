package io.tsstudio.app.studio;

import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.ui.run.ArgumentInput;
import io.tsstudio.ui.run.InputsStore;
import io.tsstudio.ui.run.RunPanelView;
import io.tsstudio.ui.run.RunPanelViewModel;
import io.tsstudio.ui.status.BackgroundJobsView;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The run panel's benchmarks are jobs in the Jobs tab, over the real worker process: listed while they run, gone when
 * done, and the tab's cancel stops the run in the worker.
 */
@ExtendWith(ApplicationExtension.class)
class RunJobsTest {
    private static WorkerClient worker;
    private RunPanelViewModel vm;
    private BackgroundJobsView jobs;

    @BeforeAll
    static void startWorker() throws Exception {
        worker = new WorkerClient(WorkerLaunch.sameAsThisProcess());
        worker.ready().get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        vm = new RunPanelViewModel(worker, new InputsStore(Files.createTempDirectory("run-inputs").resolve("inputs.json")), RunPanelView.fxExecutor());
        jobs = new BackgroundJobsView();
        RunPanelWiring.listJobs(vm, jobs);
        stage.setScene(new Scene(jobs, 500, 300));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    private void openLinRelu() throws Exception {
        fx(() -> vm.setModel(SharedFixtures.pytorch("linrelu.script.dat"))).get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !vm.busyProperty().get() && vm.arguments().size() == 1));
        assertNull(fx(() -> vm.errorProperty().get()));
        fx(() -> {
            ArgumentInput a = vm.arguments().get(0);
            a.apply(new ProposedInput(a.name(), "Tensor", "{\"tensor\":{\"shape\":[1,10],\"fill\":\"ones\"},\"dtype\":\"float32\"}", "test"));
            return null;
        });
    }

    private List<String> titles() throws Exception {
        return fx(() -> jobs.getTasks().stream().map(Task::getTitle).toList());
    }

    @Test
    void aBenchmarkIsListedWhileItRunsAndLeavesWhenDone() throws Exception {
        openLinRelu();
        CompletableFuture<Void> done = fx(() -> {
            vm.warmupProperty().set(5);
            vm.iterationsProperty().set(200);
            return vm.benchmark();
        });
        assertEquals(List.of("Benchmark forward on cpu"), titles(), "listed as it starts");
        done.get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), titles(), "gone when done");
        assertEquals(1, fx(() -> vm.benchmarks().size()), fx(() -> vm.statusProperty().get() + " / " + vm.errorProperty().get()));
    }

    @Test
    void theJobsCancelStopsTheBenchmarkAndThePanelRunsAgain() throws Exception {
        openLinRelu();
        fx(() -> {
            vm.warmupProperty().set(0);
            vm.iterationsProperty().set(5_000_000); // a minute or more: only the cancel ends it within the test
            return vm.benchmark();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.progressProperty().get() > 0));
        Task<Void> job = fx(() -> jobs.getTasks().get(0));
        assertTrue(fx(() -> job.getMessage().startsWith("Timing ")), fx(job::getMessage));
        fx(() -> job.cancel());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> vm.busyProperty().get()), "the panel's run stopped");
        assertEquals("Cancelled.", fx(() -> vm.statusProperty().get()));
        assertEquals(List.of(), titles());

        CompletableFuture<Void> again = fx(() -> {
            vm.iterationsProperty().set(20);
            return vm.benchmark();
        });
        again.get(120, TimeUnit.SECONDS);
        assertEquals(1, fx(() -> vm.benchmarks().size()), "the worker took the next benchmark: " + fx(() -> vm.statusProperty().get()));
    }
}
