package io.tsstudio.app.studio;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.graph.fx.GraphPane;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.NodeKind;
import io.tsstudio.ui.observe.DebuggerViewModel;
import io.tsstudio.ui.observe.ObservationIndex;
import io.tsstudio.ui.run.RunPanelViewModel;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The studio with the real worker and the real observing executor: an observed run labels the graph's edges with
 * shapes and answers a click on a node with its value; the debugger stops at a graph breakpoint, steps, shows the
 * frame's variables and the current node, and Stop ends an endless loop within a second with the studio still up.
 */
@ExtendWith(ApplicationExtension.class)
class ObserveStudioTest {
    @TempDir
    static Path home;

    private StudioViewModel vm;
    private MainWindow window;
    private RunPanelWiring runPanel;
    private ObserveWiring observe;
    private GraphWiring graph;

    @Start
    void start(Stage stage) throws Exception {
        TestStudio studio = TestStudio.show(stage, home);
        vm = studio.vm();
        window = studio.window();
        graph = GraphWiring.install(window, vm, vm.ioExecutor());
        runPanel = RunPanelWiring.install(window, vm.workspace());
        graph.followRuns(runPanel.view().viewModel());
        observe = ObserveWiring.install(vm, window, graph, runPanel.view());
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            runPanel.close();
            vm.shutdown();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(c));
    }

    private RunPanelViewModel run() {
        return runPanel.view().viewModel();
    }

    /** Opens {@code file}, waits for its graph and for the run panel to have loaded it with proposed arguments. */
    private GraphPane open(Path file) throws Exception {
        fx(() -> vm.open(file)).get(120, TimeUnit.SECONDS);
        waitFor(120, () -> graph.pane() != null && graph.pane().viewModel() != null && run().methodProperty().get() != null && !run().busyProperty().get());
        fx(() -> graph.pane().layoutDone()).get(120, TimeUnit.SECONDS);
        Thread.sleep(1000); // the proposed arguments arrive a moment after the method list
        fx(() -> {
            var a = run().arguments().get(0);
            a.apply(new io.tsstudio.engine.run.ProposedInput(a.name(), "Tensor", "{\"tensor\":{\"shape\":[1,10],\"fill\":\"ones\"},\"dtype\":\"float32\"}", "test"));
            return null;
        });
        return fx(() -> graph.pane());
    }

    private void selectGraphTab() throws Exception {
        fx(() -> {
            window.dock().getTabs().stream().filter(t -> "graphSlot".equals(t.getId())).findFirst()
                    .ifPresent(t -> window.dock().getSelectionModel().select(t));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D screenPoint(GraphPane pane, GraphNode n) {
        GraphScene s = pane.canvas().scene();
        int i = s.indexOf(n).orElseThrow(() -> new AssertionError(n + " is not drawn"));
        return pane.canvas().localToScreen(pane.canvas().toScreen(s.x(i) + 12, s.y(i) + s.h(i) / 2));
    }

    @Test
    void runWithObservationLabelsEdgesWithShapesAndAClickedNodeShowsItsValue(FxRobot robot) throws Exception {
        GraphPane pane = open(SharedFixtures.pytorch("linrelu.script.dat"));
        assertTrue(fx(() -> run().observeProperty().get()), "Observe is on by default");
        List<String> jobsAtStart = new java.util.ArrayList<>();
        fx(() -> {
            java.util.concurrent.CompletableFuture<Void> ran = run().run();
            window.jobs().getTasks().forEach(t -> jobsAtStart.add(t.getTitle()));
            return ran;
        }).get(120, TimeUnit.SECONDS);
        assertTrue(jobsAtStart.contains("Profile forward on cpu"), "an observed run (timed node by node) is a job: " + jobsAtStart);
        try {
            waitFor(60, () -> run().observedRunProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("no observed run: " + fx(() -> run().statusProperty().get() + " / " + run().errorProperty().get()));
        }
        GraphGroup root = fx(() -> pane.viewModel().root());
        for (GraphEdge e : root.edges()) {
            String label = fx(() -> pane.viewModel().shapes().shape(root.path(), e.valueId()).orElse(null));
            assertNotNull(label, "edge " + e.valueId() + " has no observed shape");
            assertTrue(label.matches("\\[[0-9,]*\\] f32"), label);
        }
        assertTrue(fx(() -> robot.lookup("#graphTimeLegend").query().isVisible()), "the time legend shows");

        selectGraphTab();
        GraphNode op = fx(() -> root.nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).findFirst().orElseThrow());
        robot.clickOn(fx(() -> screenPoint(pane, op)));
        try {
            waitFor(60, () -> robot.lookup("#valueTitle").queryAs(Label.class).getText().startsWith("Value of"));
        } catch (java.util.concurrent.TimeoutException e) {
            fail("no value shown: " + fx(() -> robot.lookup("#valueTitle").queryAs(Label.class).getText()) + "; selected "
                    + fx(() -> pane.viewModel().selected().map(GraphNode::id).orElse("none")) + "; clicked " + op.id());
        }
        String shape = fx(() -> robot.lookup("#summary-shape").queryAs(Label.class).getText());
        assertTrue(shape.startsWith("["), "the value view shows the node's tensor: " + shape);
        assertTrue(fx(() -> robot.lookup("#histogram").tryQuery().isPresent()));

        // the value window follows a theme switch made while it is open
        javafx.stage.Stage values = fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage st && "Observed value".equals(st.getTitle()))
                .map(w -> (javafx.stage.Stage) w).findFirst().orElseThrow());
        assertTrue(fx(() -> values.getScene().getStylesheets().containsAll(io.tsstudio.ui.theme.Theme.LIGHT.stylesheets())));
        fx(() -> {
            robot.lookup("#tool-theme").queryAs(Button.class).fire();
            return null;
        });
        List<String> sheets = fx(() -> List.copyOf(values.getScene().getStylesheets()));
        assertTrue(sheets.containsAll(io.tsstudio.ui.theme.Theme.DARK.stylesheets()), "the value window is dark too: " + sheets);
        assertFalse(sheets.stream().anyMatch(io.tsstudio.ui.theme.Theme.LIGHT.stylesheets().get(1)::equals), sheets.toString());
    }

    @Test
    void breakpointOnAGraphNodeThenStepShowsVariablesAndTheCurrentNode(FxRobot robot) throws Exception {
        GraphPane pane = open(SharedFixtures.pytorch("linrelu.script.dat"));
        GraphGroup root = fx(() -> pane.viewModel().root());
        GraphNode op = fx(() -> root.nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).findFirst()
                .orElseThrow(() -> new AssertionError("no operator among " + root.nodes())));
        selectGraphTab();
        robot.rightClickOn(fx(() -> screenPoint(pane, op)));
        robot.clickOn("#graphBreakpoint");
        DebuggerViewModel debugger = observe.debugger();
        assertEquals(1, fx(() -> debugger.breakpoints().size()));
        assertEquals(ObservationIndex.nodeKey(op), fx(() -> debugger.breakpoints().get(0).nodeKey()));

        fx(() -> {
            observe.showDebugger();
            window.dock().getTabs().stream().filter(t -> "runSlot".equals(t.getId())).findFirst()
                    .ifPresent(t -> window.dock().getSelectionModel().select(t));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#debugRun");
        waitFor(60, () -> debugger.stateProperty().get() == DebuggerViewModel.State.PAUSED);
        assertEquals(op.ir().get().id(), fx(() -> debugger.frameProperty().get().current().nodeId()), "paused at the breakpoint");
        waitFor(30, () -> pane.viewModel().selected().map(n -> n.id().equals(op.id())).orElse(false));
        assertFalse(fx(() -> robot.lookup("#debugVariables").queryAs(TableView.class).getItems().isEmpty()), "the frame's values are listed");
        String before = fx(() -> debugger.frameProperty().get().current().nodeId());
        robot.clickOn("#debugStepOver");
        waitFor(60, () -> debugger.stateProperty().get() != DebuggerViewModel.State.RUNNING);
        if (fx(() -> debugger.stateProperty().get()) == DebuggerViewModel.State.PAUSED) {
            assertNotEquals(before, fx(() -> debugger.frameProperty().get().current().nodeId()), "a step moves on");
            robot.clickOn("#debugContinue");
        }
        waitFor(60, () -> debugger.stateProperty().get() == DebuggerViewModel.State.IDLE);
        assertNotNull(fx(() -> run().observedRunProperty().get()), "the finished run is shown as the last observed run");
    }

    @Test
    void stopDuringAWhileTrueLoopReturnsWithinASecondAndTheStudioStaysUp(FxRobot robot) throws Exception {
        Path loop = home.resolve("loop.pt");
        try (CompilationUnit cu = Jit.compile("""
                def forward(self, x: Tensor) -> Tensor:
                    y = x
                    while True:
                        y = y + 1
                    return y
                """); ScriptModule m = cu.toModule("Loop")) {
            Jit.save(m, loop);
        }
        open(loop);
        fx(() -> {
            observe.showDebugger();
            window.dock().getTabs().stream().filter(t -> "runSlot".equals(t.getId())).findFirst()
                    .ifPresent(t -> window.dock().getSelectionModel().select(t));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        DebuggerViewModel debugger = observe.debugger();
        robot.clickOn("#debugRun");
        waitFor(30, () -> debugger.stateProperty().get() == DebuggerViewModel.State.RUNNING);
        Thread.sleep(1000);
        assertEquals(DebuggerViewModel.State.RUNNING, fx(() -> debugger.stateProperty().get()), "the loop is still going");
        long t0 = System.nanoTime();
        fx(() -> {
            robot.lookup("#debugStop").queryAs(Button.class).fire();
            return null;
        });
        waitFor(5, () -> debugger.stateProperty().get() == DebuggerViewModel.State.IDLE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000, "stop took " + ms + " ms");
        assertTrue(fx(() -> window.root().getScene().getWindow().isShowing()), "the studio is up");
        fx(() -> robot.lookup("#debugStatus").queryAs(Label.class).getText()).startsWith("Stopped");
    }
}
