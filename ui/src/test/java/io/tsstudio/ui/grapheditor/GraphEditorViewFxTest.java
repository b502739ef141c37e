package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.ModelFixtures;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class GraphEditorViewFxTest {
    private GraphEditorView view;
    private final io.tsstudio.ui.run.InProcessBackend runs = new io.tsstudio.ui.run.InProcessBackend();

    @org.junit.jupiter.api.AfterEach
    void closeRuns() {
        runs.close();
    }

    @Start
    void start(Stage stage) {
        GraphEditorViewModel vm = new GraphEditorViewModel(new io.tsstudio.ui.grapheditor.model.GraphDocument(),
                OperatorCatalog.ofSchemas(List.of(ModelFixtures.ADD_TENSOR, "aten::relu(Tensor self) -> Tensor")), io.tsstudio.ui.concurrent.TaskRunner.forJavaFx());
        vm.setRunBackend(runs);
        view = new GraphEditorView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    private Point2D canvasPoint(double docX, double docY) {
        EditorCanvas c = view.canvas();
        Point2D local = c.toScreen(docX, docY);
        return c.localToScreen(local.getX(), local.getY());
    }

    private Block dragFromPalette(FxRobot robot, String search, String title, double docX, double docY) {
        robot.clickOn("#paletteSearch").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(search);
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup(".list-cell").match((ListCell<?> c) -> c.getItem() instanceof PaletteEntry e && e.title().equals(title))
                .queryAs(ListCell.class);
        int before = view.viewModel().document().size();
        robot.drag(cell, MouseButton.PRIMARY).moveTo(canvasPoint(docX, docY)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, view.viewModel().document().size(), "dropping " + title + " adds a block");
        return view.viewModel().singleSelection().orElseThrow();
    }

    private void dragWire(FxRobot robot, Block from, int outIndex, Block to, int inIndex) {
        Block f = view.viewModel().document().block(from.id()), t = view.viewModel().document().block(to.id());
        robot.drag(canvasPoint(BlockGeometry.outputX(f), BlockGeometry.outputY(f, outIndex)), MouseButton.PRIMARY)
                .moveTo(canvasPoint(BlockGeometry.inputX(t), BlockGeometry.inputY(t, inIndex))).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dragALinearConnectItAndSetItsFeatures(FxRobot robot) {
        Block x = dragFromPalette(robot, "input", "Input", 100, 120);
        Block fc = dragFromPalette(robot, "linear", "Linear", 320, 120);
        Block out = dragFromPalette(robot, "output", "Output", 540, 120);
        dragWire(robot, x, 0, fc, 0);
        dragWire(robot, fc, 0, out, 0);
        assertEquals(2, view.viewModel().document().connections().size(), view.viewModel().statusProperty().get());

        robot.clickOn(canvasPoint(fc.x() + 60, fc.y() + 10));
        robot.doubleClickOn("#prop-in_features").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write("4").type(KeyCode.ENTER);
        robot.doubleClickOn("#prop-out_features").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Block now = view.viewModel().document().block(fc.id());
        assertEquals(4L, now.setting("in_features"));
        assertEquals(3L, now.setting("out_features"));
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> view.codeArea().getText().contains("linear = self.linear.forward(x)"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the code tab did not follow the graph: " + view.codeArea().getText(), e);
        }
        assertEquals(BlockKind.MODULE, now.kind());

        robot.clickOn("#compileButton");
        waitUntilIdle();
        assertEquals(java.util.Optional.of("scripted"), view.viewModel().moduleOrigin(), view.viewModel().statusProperty().get());
        robot.clickOn("#runButton");
        waitUntilIdle();
        javafx.scene.control.TextArea output = robot.lookup("#runOutput").queryAs(javafx.scene.control.TextArea.class);
        assertTrue(output.isVisible(), "the Result tab is shown after a run");
        assertTrue(output.getText().contains("Tensor [1, 3] float32"), output.getText());
    }

    /** Compile and Run work on the view model's worker thread; their results land on the FX thread afterwards. */
    private void waitUntilIdle() {
        try {
            WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> !view.viewModel().busyProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("still busy: " + view.viewModel().statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void rubberBandSelectDeleteAndUndoWithTheKeyboard(FxRobot robot) {
        GraphEditorViewModel vm = view.viewModel();
        robot.interact(() -> {
            vm.commands().execute(io.tsstudio.ui.grapheditor.model.Commands.replaceAll("mlp", ModelFixtures.mlp().document()));
            java.util.Map<String, double[]> pos = new java.util.LinkedHashMap<>();
            int i = 0;
            for (Block b : vm.document().blocks()) pos.put(b.id(), new double[] {40 + 200.0 * (i % 2), 40 + 90.0 * (i++ / 2)});
            vm.run(io.tsstudio.ui.grapheditor.model.Commands.move(pos));
        });
        io.tsstudio.ui.grapheditor.model.GraphDocument before = io.tsstudio.ui.grapheditor.model.Commands.snapshot(vm.document());
        // a rectangle around the first row (two blocks) selects exactly those
        robot.drag(canvasPoint(20, 20), MouseButton.PRIMARY).moveTo(canvasPoint(430, 120)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, vm.selection().size(), vm.selection().toString());
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before.size() - 2, vm.document().size());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.document().sameContent(before), "Ctrl+Z brings the blocks and their connections back");
        // dragging a block moves it, as one undoable step
        Block third = vm.document().blocks().stream().skip(2).findFirst().orElseThrow();
        robot.drag(canvasPoint(third.x() + 80, third.y() + 12), MouseButton.PRIMARY).moveBy(60, 40).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Block moved = vm.document().block(third.id());
        assertTrue(moved.x() > third.x() + 30 && moved.y() > third.y() + 20, "moved to " + moved.x() + "," + moved.y());
    }

    private ListCell<?> paletteCell(FxRobot robot, String title) {
        return robot.lookup(".list-cell").match((ListCell<?> c) -> c.getItem() instanceof PaletteEntry e && e.title().equals(title))
                .queryAs(ListCell.class);
    }

    @Test
    void aDragDropsTheEntryUnderThePointerNotTheOneSelectedBefore(FxRobot robot) {
        // Select "Output" first: the old filter read the list's selection before the pressed cell took it.
        robot.clickOn(paletteCell(robot, "Output"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Output", ((PaletteEntry) robot.lookup("#palette").queryListView().getSelectionModel().getSelectedItem()).title());
        robot.drag(paletteCell(robot, "Input"), MouseButton.PRIMARY).moveTo(canvasPoint(200, 150)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.viewModel().document().size());
        assertEquals(BlockKind.INPUT, view.viewModel().document().blocks().iterator().next().kind(), "the dragged entry (Input) was dropped");
        // and again the other way round, now that Input is the selected entry
        robot.drag(paletteCell(robot, "Output"), MouseButton.PRIMARY).moveTo(canvasPoint(450, 150)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BlockKind.OUTPUT, view.viewModel().singleSelection().orElseThrow().kind());
    }

    @Test
    void doubleClickOrEnterAddsTheBlockAtTheViewCentreAndTheEmptyCanvasSaysHowToStart(FxRobot robot) {
        assertTrue(view.emptyHint().isVisible(), "an empty canvas shows how to start");
        assertTrue(view.emptyHint().getText().contains("Drag a block from the palette"), view.emptyHint().getText());
        assertTrue(view.emptyHint().getText().contains("double-click"), view.emptyHint().getText());

        robot.doubleClickOn(paletteCell(robot, "Input"));
        WaitForAsyncUtils.waitForFxEvents();
        Block input = view.viewModel().singleSelection().orElseThrow();
        assertEquals(BlockKind.INPUT, input.kind());
        assertFalse(view.emptyHint().isVisible(), "the hint goes once there is a block");
        EditorCanvas c = view.canvas();
        Point2D centre = c.toDocument(c.getWidth() / 2, c.getHeight() / 2);
        assertTrue(input.x() <= centre.getX() && centre.getX() <= input.x() + BlockGeometry.WIDTH
                && input.y() <= centre.getY() && centre.getY() <= input.y() + BlockGeometry.height(input),
                "block at " + input.x() + "," + input.y() + " covers the view's centre " + centre);

        robot.clickOn(paletteCell(robot, "Output"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, view.viewModel().document().size(), "Enter on a palette entry adds it");
        Block output = view.viewModel().singleSelection().orElseThrow();
        assertEquals(BlockKind.OUTPUT, output.kind());
        assertTrue(output.x() != input.x() || output.y() != input.y(), "the second block is set aside, not on top of the first");
        assertTrue(Math.abs(output.x() - input.x()) < 100 && Math.abs(output.y() - input.y()) < 100, "still near the centre");
    }

    @Test
    void codeThatDoesNotCompileStaysInTheCodeTabToBeFixed(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.viewModel().commands().execute(io.tsstudio.ui.grapheditor.model.Commands.replaceAll("load", ModelFixtures.mlp().document()));
            view.tabs().getSelectionModel().select(1);
        });
        // the code tab shows the loaded graph's code once it has been generated (off the FX thread)
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> view.codeArea().getText().contains("return "));
        WaitForAsyncUtils.waitForFxEvents();
        String original = view.codeArea().getText();
        // break the code whatever the generated names are (they depend on what the document held before)
        String broken = original.replaceFirst("return ", "return missing_name + ");
        assertNotEquals(original, broken, "the generated code has a return to break: " + original);
        robot.interact(() -> view.codeArea().setText(broken));
        robot.clickOn("#applyCodeButton");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> view.viewModel().statusProperty().get().startsWith("Compile error"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(broken, view.codeArea().getText(), "the person's code is kept to fix");

        String fixed = view.viewModel().codeProperty().get();
        robot.interact(() -> view.codeArea().setText(fixed));
        robot.clickOn("#applyCodeButton");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> view.viewModel().statusProperty().get().equals("Code applied to the graph"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(view.viewModel().codeProperty().get(), view.codeArea().getText(), "applied code follows the graph again");
    }
}
