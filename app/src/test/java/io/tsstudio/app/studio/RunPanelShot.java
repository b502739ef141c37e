package io.tsstudio.app.studio;

import io.tsstudio.app.worker.Fixtures;
import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.ui.run.ArgumentInput;
import io.tsstudio.ui.run.InputsStore;
import io.tsstudio.ui.run.RunPanelView;
import io.tsstudio.ui.run.RunPanelViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows the run panel in a real window with a fixture run, for a person (or a screenshot under Xvfb) to look at.
 * Arguments: [benchmark] to end on the benchmark tab; it exits after {@code -Drunpanel.exitAfterMs} (default 20 s).
 */
public final class RunPanelShot {
    private RunPanelShot() {
    }

    /** Not an Application itself: with JavaFX on the class path, java refuses to start an Application main class. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
    private WorkerClient worker;

    @Override
    public void start(Stage stage) throws Exception {
        boolean bench = getParameters().getRaw().contains("benchmark");
        worker = new WorkerClient(WorkerLaunch.sameAsThisProcess());
        RunPanelViewModel vm = new RunPanelViewModel(worker, new InputsStore(Files.createTempDirectory("shot").resolve("inputs.json")),
                RunPanelView.fxExecutor());
        RunPanelView view = new RunPanelView(vm);
        stage.setTitle("TorchScript Studio — Run");
        stage.setScene(new Scene(view, 1180, 780));
        stage.show();
        Path model = Fixtures.pytorch(bench ? "l1000_100_10.script.dat" : "tuple_out.dat");
        // View model commands belong on the FX thread, like a user's clicks.
        vm.refreshDevices().thenRun(() -> Platform.runLater(() -> vm.setModel(model).thenRun(() -> Platform.runLater(() -> {
            ArgumentInput x = vm.arguments().get(0);
            x.shapeProperty().set(bench ? "64, 1000" : "100, 10");
            x.fillProperty().set(bench ? ArgumentInput.Fill.ONES : ArgumentInput.Fill.RANDN);
            if (!bench) {
                vm.arguments().get(1).shapeProperty().set("100, 10");
                vm.arguments().get(1).fillProperty().set(ArgumentInput.Fill.RAND);
            }
            if (bench) {
                vm.benchmarkModeProperty().set(true);
                vm.warmupProperty().set(10);
                vm.iterationsProperty().set(100);
                vm.concurrencyProperty().set(1);
                vm.benchmark().thenRun(() -> Platform.runLater(() -> {
                    vm.concurrencyProperty().set(2);
                    vm.benchmark().thenRun(() -> Platform.runLater(() -> {
                        vm.concurrencyProperty().set(4);
                        vm.benchmark();
                    }));
                }));
            } else {
                vm.run().thenRun(() -> Platform.runLater(() -> {
                    if (getParameters().getRaw().contains("histogram")) {
                        view.lookupAll(".tab-pane").forEach(n -> {
                            var tabs = (javafx.scene.control.TabPane) n;
                            tabs.getTabs().stream().filter(t -> t.getText().equals("Histogram")).forEach(t -> tabs.getSelectionModel().select(t));
                        });
                    }
                }));
            }
        }))));
        Thread exit = new Thread(() -> {
            try {
                Thread.sleep(Long.getLong("runpanel.exitAfterMs", 20_000));
            } catch (InterruptedException ignored) {
                // exit now
            }
            worker.close();
            Platform.exit();
            System.exit(0);
        });
        exit.setDaemon(true);
        exit.start();
    }
}
}
