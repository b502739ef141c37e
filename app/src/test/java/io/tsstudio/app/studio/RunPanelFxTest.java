package io.tsstudio.app.studio;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.app.worker.Fixtures;
import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.ui.run.ArgumentInput;
import io.tsstudio.ui.run.InputsStore;
import io.tsstudio.ui.run.RunPanelView;
import io.tsstudio.ui.run.RunPanelViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The run panel in a window, over the real worker process: fixtures, cancel, out of memory, its jobs in the Jobs tab. */
@ExtendWith(ApplicationExtension.class)
class RunPanelFxTest {
    private static WorkerClient worker;
    @TempDir
    static Path dir;
    private RunPanelViewModel vm;
    private RunPanelView view;
    private io.tsstudio.ui.status.BackgroundJobsView jobs;

    @BeforeAll
    static void startWorker() throws Exception {
        worker = new WorkerClient(WorkerLaunch.sameAsThisProcess());
        worker.ready().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        vm = new RunPanelViewModel(worker, new InputsStore(Files.createTempDirectory("run-inputs").resolve("inputs.json")), RunPanelView.fxExecutor());
        view = new RunPanelView(vm);
        jobs = new io.tsstudio.ui.status.BackgroundJobsView();
        RunPanelWiring.listJobs(vm, jobs);
        stage.setScene(new Scene(view, 1100, 760));
        stage.show();
    }

    private void open(FxRobot robot, Path model) throws Exception {
        robot.interact(() -> view.setModel(model));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && (vm.methodProperty().get() != null || vm.errorProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents(); // the rest of the update that ended "busy" (the argument rows)
        assertNull(vm.errorProperty().get(), vm.errorProperty().get());
    }

    private void tensorArg(FxRobot robot, int index, String shape, ArgumentInput.Fill fill) {
        ArgumentInput a = vm.arguments().get(index);
        robot.interact(() -> a.fillProperty().set(fill));
        robot.doubleClickOn("#arg-" + a.name() + "-shape").eraseText(12).write(shape);
        assertEquals(shape, a.shapeProperty().get());
    }

    private OutputNode runAndWait(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.errorProperty().get(), vm.errorProperty().get());
        return vm.outcomeProperty().get().output();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void eachFixtureShowsItsExpectedValues(FxRobot robot) throws Exception {
        open(robot, SharedFixtures.pytorch("linrelu.script.dat"));
        tensorArg(robot, 0, "10", ArgumentInput.Fill.ONES);
        OutputNode out = runAndWait(robot);
        assertArrayEquals(new double[] {0.313458264, 0, 0.9996568, 0, 0, 0}, out.tensor().values(), 1e-5);
        assertEquals("[6]", text(robot, "#summary-shape"));
        assertEquals("float32", text(robot, "#summary-dtype"));
        assertEquals("0", text(robot, "#summary-NaN"));
        @SuppressWarnings("unchecked")
        TableView<Object> values = robot.lookup("#valuesTable").queryAs(TableView.class);
        assertEquals(6, values.getItems().size());

        open(robot, SharedFixtures.pytorch("l1000_100_10.script.dat"));
        tensorArg(robot, 0, "1000", ArgumentInput.Fill.ONES);
        assertArrayEquals(new double[] {0.564213157, -0.04519982, -0.005117342, 0.395530462, -0.3780813, -0.004734449, -0.3221216,
                -0.289159119, 0.268511474, 0.180702567}, runAndWait(robot).tensor().values(), 1e-5);

        open(robot, SharedFixtures.pytorch("scripted.script.dat"));
        tensorArg(robot, 0, "6", ArgumentInput.Fill.ONES);
        assertArrayEquals(new double[] {1.554085, 1.01024628, -1.35086036, -1.84021854, 0.0127189457, 0.5994258},
                runAndWait(robot).tensor().values(), 1e-5);

        open(robot, SharedFixtures.pytorch("func.script.dat"));
        tensorArg(robot, 0, "10", ArgumentInput.Fill.ONES);
        tensorArg(robot, 1, "10", ArgumentInput.Fill.ONES);
        OutputNode twos = runAndWait(robot);
        assertEquals(2.0, twos.tensor().min());
        assertEquals(2.0, twos.tensor().max());

        for (String containerFixture : List.of("tuple_out.dat", "list_out.dat")) {
            open(robot, SharedFixtures.pytorch(containerFixture));
            tensorArg(robot, 0, "3, 4", ArgumentInput.Fill.ONES);
            tensorArg(robot, 1, "3, 4", ArgumentInput.Fill.ARANGE);
            OutputNode pair = runAndWait(robot);
            assertEquals(containerFixture.startsWith("tuple") ? "tuple" : "list", pair.kind());
            assertEquals(2, pair.children().size());
            assertEquals(1.0, pair.children().get(0).tensor().min()); // 1 + arange(12)
            assertEquals(12.0, pair.children().get(0).tensor().max());
            assertEquals(-10.0, pair.children().get(1).tensor().min()); // 1 - arange(12)
            assertEquals(1.0, pair.children().get(1).tensor().max());
        }

        open(robot, SharedFixtures.pytorch("exported.method.dat"));
        robot.interact(() -> vm.methodProperty().set(vm.methods().stream().filter(m -> m.name().equals("add_scalar")).findFirst().orElseThrow()));
        tensorArg(robot, 0, "10", ArgumentInput.Fill.ZEROS);
        robot.doubleClickOn("#arg-i").eraseText(5).write("1");
        OutputNode ones = runAndWait(robot);
        assertEquals(1.0, ones.tensor().min());
        assertEquals(1.0, ones.tensor().max());

        open(robot, SharedFixtures.pytorch("r-traced-linear.pt"));
        tensorArg(robot, 0, "100, 10", ArgumentInput.Fill.RANDN);
        assertArrayEquals(new long[] {100, 10}, runAndWait(robot).tensor().shape());
        assertEquals("[100, 10]", text(robot, "#summary-shape"));
    }

    @Test
    void cancelAnEndlessLoopWithinOneSecondAndRunAgain(FxRobot robot) throws Exception {
        open(robot, Fixtures.script(dir, "loop.py", Fixtures.LOOP_FOREVER));
        tensorArg(robot, 0, "4", ArgumentInput.Fill.ONES);
        robot.clickOn("#runButton");
        Thread.sleep(700);
        assertTrue(vm.busyProperty().get(), "the endless loop is not running");
        // Timed from the button's action to the panel being idle again, not counting the robot's mouse travel.
        long[] pressedAt = {0};
        long[] idleAt = {0};
        robot.lookup("#cancelButton").query().addEventFilter(javafx.event.ActionEvent.ACTION, e -> pressedAt[0] = System.nanoTime());
        robot.interact(() -> vm.busyProperty().addListener((o, was, busy) -> {
            if (!busy && idleAt[0] == 0) idleAt[0] = System.nanoTime();
        }));
        robot.moveTo("#cancelButton");
        long t0 = System.nanoTime();
        robot.clickOn();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        long ms = (idleAt[0] - pressedAt[0]) / 1_000_000;
        assertTrue(pressedAt[0] > 0 && ms < 1000, "cancel took " + ms + " ms");
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "the click and the cancel took over 2 s");
        assertEquals("Cancelled.", text(robot, "#statusLabel"));

        open(robot, SharedFixtures.pytorch("func.script.dat"));
        tensorArg(robot, 0, "10", ArgumentInput.Fill.ONES);
        tensorArg(robot, 1, "10", ArgumentInput.Fill.ONES);
        assertEquals(2.0, runAndWait(robot).tensor().max());
    }

    @Test
    void copiedJsonEqualsTheCommandLinesOutput(FxRobot robot) throws Exception {
        Path model = SharedFixtures.pytorch("exported.method.dat");
        open(robot, model);
        tensorArg(robot, 0, "3", ArgumentInput.Fill.ONES);
        tensorArg(robot, 1, "3", ArgumentInput.Fill.ARANGE);
        runAndWait(robot);
        robot.clickOn("#copyJsonButton");
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        String panel = copied[0] != null ? copied[0] : vm.outputJson();

        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int status = io.tsstudio.app.cli.Cli.run(new String[] {"run", model.toString(), "--arg", vm.arguments().get(0).toJson(),
                "--arg", vm.arguments().get(1).toJson(), "--json"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(0, status, err.toString());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var cliOutput = mapper.readTree(out.toString()).get("output");
        assertEquals(cliOutput, mapper.readTree(panel));
        assertTrue(panel.contains("\"tuple\""), panel);
    }

    @Test
    void farTooMuchMemoryIsReportedAndThePanelCarriesOn(FxRobot robot) throws Exception {
        open(robot, Fixtures.script(dir, "hog.py", Fixtures.ALLOCATE_TOO_MUCH));
        tensorArg(robot, 0, "4", ArgumentInput.Fill.ONES);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String error = text(robot, "#errorLabel");
        assertTrue(error.startsWith("Out of memory"), error);
        assertTrue(robot.lookup("#errorLabel").query().isVisible());

        open(robot, SharedFixtures.pytorch("func.script.dat"));
        tensorArg(robot, 0, "10", ArgumentInput.Fill.ONES);
        tensorArg(robot, 1, "10", ArgumentInput.Fill.ONES);
        assertEquals(2.0, runAndWait(robot).tensor().max());
    }

    private void waitForProposal(int index) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.arguments().get(index).sourceProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Tab selectedResultsTab(FxRobot robot) {
        return view.lookupAll(".tab-pane").stream().map(n -> (TabPane) n).filter(t -> t.getTabs().stream().anyMatch(x -> "outputsTab".equals(x.getId())))
                .findFirst().orElseThrow().getSelectionModel().getSelectedItem();
    }

    @Test
    void theFirstRunOfAPytorchClassifierWorksWithTheProposedInputAndSaysWhereItCameFrom(FxRobot robot) throws Exception {
        open(robot, SharedFixtures.root().resolve("pytorch-1.13").resolve("mnasnet0_5_script.pt"));
        waitForProposal(0);
        assertEquals("1, 3, 224, 224", vm.arguments().get(0).shapeProperty().get());
        assertEquals("from conv2d in_channels=3 (layers.0); 224×224 assumed (usual for RGB images)", text(robot, "#arg-x-source"));
        assertTrue(robot.lookup("#arg-x-source").query().isVisible());
        OutputNode out = runAndWait(robot);
        assertArrayEquals(new long[] {1, 1000}, out.tensor().shape());
        assertEquals("outputsTab", selectedResultsTab(robot).getId());

        // run it again: the last inputs come back, and say so, rather than the proposal
        robot.interact(() -> vm.arguments().get(0).shapeProperty().set("1, 3, 64, 64"));
        runAndWait(robot);
        open(robot, SharedFixtures.pytorch("linrelu.script.dat"));
        open(robot, SharedFixtures.root().resolve("pytorch-1.13").resolve("mnasnet0_5_script.pt"));
        assertEquals("1, 3, 64, 64", vm.arguments().get(0).shapeProperty().get());
        assertEquals("from " + ArgumentInput.LAST_INPUTS, text(robot, "#arg-x-source"));
    }

    @Test
    void outputsAndBenchmarkRowsClearWhenTheModelChangesOrARunFails(FxRobot robot) throws Exception {
        open(robot, SharedFixtures.pytorch("linrelu.script.dat"));
        waitForProposal(0);
        assertEquals("1, 10", vm.arguments().get(0).shapeProperty().get());
        runAndWait(robot);
        robot.interact(() -> {
            vm.warmupProperty().set(1);
            vm.iterationsProperty().set(3);
        });
        robot.interact(() -> vm.benchmark());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && vm.benchmarks().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("benchmarkTab", selectedResultsTab(robot).getId());
        @SuppressWarnings("unchecked")
        TableView<Object> rows = robot.lookup("#benchmarkTable").queryAs(TableView.class);
        assertEquals(1, rows.getItems().size());

        // a Run shows its outputs, not the benchmark it followed
        runAndWait(robot);
        assertEquals("outputsTab", selectedResultsTab(robot).getId());
        assertFalse(robot.lookup("#scalarValue").query().isVisible());

        // a failed run leaves no stale outputs or rows behind
        robot.interact(() -> vm.arguments().get(0).shapeProperty().set("3"));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(vm.errorProperty().get());
        assertNull(vm.outcomeProperty().get());
        assertEquals(0, rows.getItems().size());
        assertNoOutputShown(robot);

        // and a new model starts clean
        robot.interact(() -> vm.arguments().get(0).shapeProperty().set("1, 10"));
        runAndWait(robot);
        robot.interact(() -> vm.benchmark());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && vm.benchmarks().size() == 1);
        open(robot, SharedFixtures.pytorch("func.script.dat"));
        assertNull(vm.outcomeProperty().get());
        assertEquals(0, rows.getItems().size());
        assertNoOutputShown(robot);
    }

    private static void assertNoOutputShown(FxRobot robot) {
        assertEquals("Run the model to see its outputs here.", text(robot, "#scalarValue"));
        assertTrue(robot.lookup("#scalarValue").query().isVisible());
        assertTrue(robot.lookup("#copyJsonButton").query().isDisabled());
    }

    // ---- the Jobs tab (RunPanelWiring.listJobs): benchmarks are jobs, and its cancel is the panel's ----

    private void openLinRelu(FxRobot robot) throws Exception {
        open(robot, SharedFixtures.pytorch("linrelu.script.dat"));
        robot.interact(() -> {
            ArgumentInput a = vm.arguments().get(0);
            a.apply(new io.tsstudio.engine.run.ProposedInput(a.name(), "Tensor", "{\"tensor\":{\"shape\":[1,10],\"fill\":\"ones\"},\"dtype\":\"float32\"}", "test"));
        });
    }

    private List<String> jobTitles() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> jobs.getTasks().stream().map(javafx.concurrent.Task::getTitle).toList()).get(30, TimeUnit.SECONDS);
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aBenchmarkIsAJobWhileItRunsAndLeavesTheJobsWhenDone(FxRobot robot) throws Exception {
        openLinRelu(robot);
        java.util.concurrent.CompletableFuture<Void> done = fx(() -> {
            vm.warmupProperty().set(5);
            vm.iterationsProperty().set(200);
            return vm.benchmark();
        });
        assertEquals(List.of("Benchmark forward on cpu"), jobTitles(), "listed as it starts");
        done.get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobTitles().isEmpty()); // gone when done
        assertEquals(1, fx(() -> vm.benchmarks().size()), fx(() -> vm.statusProperty().get() + " / " + vm.errorProperty().get()));
    }

    @Test
    void theJobsCancelStopsTheBenchmarkInTheWorkerAndThePanelRunsAgain(FxRobot robot) throws Exception {
        openLinRelu(robot);
        fx(() -> {
            vm.warmupProperty().set(0);
            vm.iterationsProperty().set(5_000_000); // a minute or more: only the cancel ends it within the test
            return vm.benchmark();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.progressProperty().get() > 0));
        javafx.concurrent.Task<Void> job = fx(() -> jobs.getTasks().get(0));
        assertTrue(fx(() -> job.getMessage().startsWith("Timing ")), fx(job::getMessage));
        fx(() -> job.cancel());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> vm.busyProperty().get()), "the panel's run stopped");
        assertEquals("Cancelled.", fx(() -> vm.statusProperty().get()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobTitles().isEmpty());

        java.util.concurrent.CompletableFuture<Void> again = fx(() -> {
            vm.iterationsProperty().set(20);
            return vm.benchmark();
        });
        again.get(120, TimeUnit.SECONDS);
        assertEquals(1, fx(() -> vm.benchmarks().size()), "the worker took the next benchmark: " + fx(() -> vm.statusProperty().get()));
    }
}
