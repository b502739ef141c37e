package io.tsstudio.app.studio;


import io.tsstudio.ui.grapheditor.GraphEditorView;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.Block;





import javafx.application.Platform;

import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** File > New Graph Model opens the graph editor in a tab, and its model opens in the studio (graph view, run panel). */
@ExtendWith(ApplicationExtension.class)
class GraphEditorTabTest {
    @TempDir
    static Path home;

    private StudioViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestStudio studio = TestStudio.show(stage, home);
        vm = studio.vm();
        window = studio.window();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.shutdown();
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void newGraphModelOpensAnEditorWhoseModelTheStudioOpens(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Tab tab = window.editorTabs().getSelectionModel().getSelectedItem();
        assertTrue(tab != null && tab.getContent() instanceof GraphEditorView, "a graph editor tab is selected");
        GraphEditorView view = (GraphEditorView) tab.getContent();
        assertTrue(view.viewModel().palette().size() > 4000, "the palette offers the registry's operators");
        int modelsBefore = vm.models().size();
        robot.interact(() -> {
            GraphDocument doc = view.viewModel().document();
            Block x = Blocks.input(doc, "x", "Tensor", 0, 0);
            view.viewModel().run(Commands.addBlock(x));
            Block relu = Blocks.module(doc, "ReLU", 250, 0);
            view.viewModel().run(Commands.addBlock(relu));
            Block out = Blocks.output(doc, "out", 500, 0);
            view.viewModel().run(Commands.addBlock(out));
            view.viewModel().connect(x.id(), "value", relu.id(), "input");
            view.viewModel().connect(relu.id(), "output", out.id(), "value");
        });
        robot.clickOn("#openInStudioButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.models().size() > modelsBefore);
    }

    @Test
    void runInAGraphEditorTabHappensInTheGraphEditorsWorker(FxRobot robot) throws Exception {
        io.tsstudio.ui.grapheditor.GraphEditorViewModel g = WaitForAsyncUtils.asyncFx(() -> {
            io.tsstudio.ui.grapheditor.GraphEditorViewModel editor = vm.newGraphModel();
            GraphDocument doc = editor.document();
            Block x = Blocks.input(doc, "x", "Tensor", 0, 0);
            editor.run(Commands.addBlock(x));
            Block relu = Blocks.module(doc, "ReLU", 250, 0);
            editor.run(Commands.addBlock(relu));
            Block out = Blocks.output(doc, "out", 500, 0);
            editor.run(Commands.addBlock(out));
            editor.run(Commands.connect(new Connection(x.id(), "value", relu.id(), "input")));
            editor.run(Commands.connect(new Connection(relu.id(), "output", out.id(), "value")));
            return editor;
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            robot.clickOn("#runButton");
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> g.resultProperty().get().contains("Tensor [1, 16] float32"));
            // the result and the status are set in one FX-thread step and this thread polls between them: let it end
            WaitForAsyncUtils.waitForFxEvents();
            Long pid = window.graphRuns().worker().workerPid();
            assertTrue(pid != null && pid != ProcessHandle.current().pid(), "the run happened in the graph editors' worker: " + pid);
            assertTrue(g.statusProperty().get().endsWith("in the worker process"), g.statusProperty().get());
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                window.closeGraphRuns();
                return null;
            }).get(30, TimeUnit.SECONDS);
        }
    }
}
