package io.tsstudio.app.studio;

import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.ui.export.RunShapes;
import io.tsstudio.ui.run.InputsStore;
import io.tsstudio.ui.run.RunPanelView;
import io.tsstudio.ui.run.RunPanelViewModel;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.session.Workspace;

/**
 * Puts the run panel into the main window: a worker process for the runs (started by {@link #startWorker}), the
 * panel in the Run dock slot, and the workspace's active model opened in it. Close the result when the studio exits
 * (it stops the worker).
 */
public final class RunPanelWiring implements AutoCloseable {
    private final WorkerClient worker;
    private final RunPanelView view;

    private RunPanelWiring(WorkerClient worker, RunPanelView view) {
        this.worker = worker;
        this.view = view;
    }

    /** Call on the FX thread once the main window exists. */
    public static RunPanelWiring install(MainWindow window, Workspace workspace) {
        WorkerClient worker = new WorkerClient(WorkerLaunch.sameAsThisProcess());
        RunPanelViewModel vm = new RunPanelViewModel(worker, InputsStore.inUserDataDir(), io.tsstudio.ui.concurrent.TaskRunner.forJavaFx());
        RunPanelView view = new RunPanelView(vm);
        window.setRunPanel(view);
        window.setLastRunShapes(file -> lastRunShapes(vm, file));
        listJobs(vm, window.jobs());
        workspace.activeModelProperty().addListener((o, was, now) -> open(view, now));
        open(view, workspace.activeModel());
        return new RunPanelWiring(worker, view);
    }

    /**
     * Lists the panel's benchmarks and profiled runs in the Jobs tab while they run, with their progress and status;
     * the tab's cancel is the panel's cancel (the worker stops the call).
     */
    static void listJobs(RunPanelViewModel vm, io.tsstudio.ui.status.BackgroundJobsView jobs) {
        vm.jobProperty().addListener((o, was, title) -> {
            if (title == null) return;
            javafx.beans.property.BooleanProperty ended = new javafx.beans.property.SimpleBooleanProperty();
            // the job ends when the panel's job changes: it finished, failed, was cancelled, or another one began
            vm.jobProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends String> v, String before, String after) {
                    v.removeListener(this);
                    ended.set(true);
                }
            });
            jobs.track(title, vm.progressProperty(), vm.statusProperty(), ended, vm::cancel);
        });
    }

    /** The panel's last forward shapes when it holds {@code file}; none for another model or method. */
    private static RunShapes lastRunShapes(RunPanelViewModel vm, java.nio.file.Path file) {
        boolean same = file != null && file.equals(vm.modelFileProperty().get());
        boolean forward = vm.methodProperty().get() != null && vm.methodProperty().get().name().equals("forward");
        return same && forward ? RunShapes.from(vm.arguments(), vm.outcomeProperty().get()) : RunShapes.NONE;
    }

    private static void open(RunPanelView view, OpenModel model) {
        // a TorchScript file that needs a missing operator goes to the worker too: its load error names the operator
        boolean torchScript = model != null && (model.isTorchScript() || model.summary().format() == io.tsstudio.ui.inspect.ModelSummary.Format.TORCHSCRIPT);
        if (torchScript && model.file() != null && !model.file().equals(view.viewModel().modelFileProperty().get())) {
            view.setModel(model.file());
        }
    }

    /**
     * Starts the worker process (it lists the devices). The studio calls this once the files it was started with
     * have opened: on a small machine a second JVM loading LibTorch at the same time takes half the CPU from the first
     * model's load and graph. Opening a model in the panel starts the worker as well.
     */
    public void startWorker() {
        view.viewModel().refreshDevices();
    }

    public RunPanelView view() {
        return view;
    }

    @Override
    public void close() {
        worker.close();
    }
}
