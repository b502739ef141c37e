package io.tsstudio.app.studio;

import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A graph editor's Run goes to a worker process, like every other run: the studio's process only compiles and writes. */
class GraphEditorWorkerRunTest {
    @TempDir
    Path dir;

    @Test
    void aGraphEditorRunHappensInTheWorkerProcess() throws Exception {
        GraphDocument doc = new GraphDocument();
        GraphEditorViewModel vm = new GraphEditorViewModel(doc, List::of);
        try (GraphEditorRuns runs = new GraphEditorRuns(WorkerLaunch.sameAsThisProcess())) {
            vm.setRunBackend(runs);
            vm.setScratchRoot(dir);
            Block x = Blocks.input(doc, "x", "Tensor", 0, 0);
            vm.run(Commands.addBlock(x));
            Block relu = Blocks.module(doc, "ReLU", 250, 0);
            vm.run(Commands.addBlock(relu));
            Block out = Blocks.output(doc, "out", 500, 0);
            vm.run(Commands.addBlock(out));
            vm.run(Commands.connect(new Connection(x.id(), "value", relu.id(), "input")));
            vm.run(Commands.connect(new Connection(relu.id(), "output", out.id(), "value")));

            assertTrue(vm.runExample().get(120, TimeUnit.SECONDS), vm.statusProperty().get());

            Long workerPid = runs.worker().workerPid();
            assertNotNull(workerPid, "a worker process was started for the run");
            assertNotEquals(ProcessHandle.current().pid(), workerPid.longValue(), "the run happened in another process");
            assertTrue(ProcessHandle.of(workerPid).isPresent(), "the worker is alive");
            assertEquals("Ran the scripted module in the worker process", vm.statusProperty().get());
            assertTrue(vm.resultProperty().get().startsWith("Output of the scripted module:\nTensor [1, 16] float32\n["), vm.resultProperty().get());
            try (var left = Files.list(dir)) {
                assertEquals(0, left.count(), "the model written for the worker is removed after the run");
            }
        } finally {
            vm.dispose();
        }
    }
}
