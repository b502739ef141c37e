package io.tsstudio.ui.graph.fx;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.graph.layout.GraphLayoutTest;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.NodeKind;
import io.tsstudio.ui.graph.model.RunValues;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graph view's tools on a long model: search scrolls the match to the middle of the view (also when finding it
 * opened a group), fit stays readable, the node/edge context menu, the method picker, and the toolbar's View menu
 * (minimap, freeze/optimize compare).
 */
@ExtendWith(ApplicationExtension.class)
class GraphPaneToolsFxTest {
    private GraphPane pane;

    @Start
    void start(Stage stage) {
        pane = new GraphPane();
        stage.setScene(new Scene(pane, 1200, 800));
        stage.show();
        pane.show(GraphLayoutTest.stack(40), GraphLayoutTest.LOADER);
    }

    private Point2D centreOnScreen(GraphNode n) {
        GraphScene s = pane.canvas().scene();
        int i = s.indexOf(n).orElseThrow(() -> new AssertionError(n + " is not drawn"));
        return pane.canvas().toScreen(s.x(i) + s.w(i) / 2, s.y(i) + s.h(i) / 2);
    }

    private void assertCentred(GraphNode n) {
        Point2D c = centreOnScreen(n);
        double w = pane.canvas().getWidth(), h = pane.canvas().getHeight();
        assertEquals(w / 2, c.getX(), 2, n + " centred horizontally");
        assertEquals(h / 2, c.getY(), 2, n + " centred vertically");
    }

    @Test
    void searchScrollsToAndCentresTheMatch(FxRobot robot) throws Exception {
        GraphScene s = GraphPaneFxTest.awaitLayout(pane);
        GraphNode last = pane.viewModel().root().nodes().stream().filter(n -> n.title().startsWith("blocks.39:")).findFirst().orElseThrow();
        Point2D before = centreOnScreen(last);
        assertTrue(before.getY() > pane.canvas().getHeight(), "the last block starts out of view, below: " + before);

        robot.clickOn("#graphSearch").write("blocks.39");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().selected().orElse(null) == last);
        WaitForAsyncUtils.waitForFxEvents();
        assertCentred(last);

        // A match inside a closed group: the group opens, and the match is centred once the new layout is on screen.
        robot.clickOn("#graphSearch").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write("aten::relu");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().selected().map(n -> n.title().equals("relu")).orElse(false));
        GraphNode relu = pane.viewModel().selected().orElseThrow();
        GraphPaneFxTest.awaitLayout(pane);
        assertTrue(pane.canvas().scene().indexOf(relu).isPresent(), "its group was opened");
        assertCentred(relu);
        // Shift+Enter goes back to the previous match: the last block's relu, far down, centred too
        robot.clickOn("#graphSearch").press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().selected().orElse(null) != relu);
        GraphNode other = pane.viewModel().selected().orElseThrow();
        GraphPaneFxTest.awaitLayout(pane);
        WaitForAsyncUtils.waitForFxEvents();
        assertCentred(other);
    }

    @Test
    void aBadPatternMarksTheSearchFieldAndSaysWhyUntilAGoodOne(FxRobot robot) throws Exception {
        GraphPaneFxTest.awaitLayout(pane);
        robot.clickOn("#graphSearch").write("blocks.(");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField field = robot.lookup("#graphSearch").queryAs(javafx.scene.control.TextField.class);
        assertTrue(field.getStyleClass().contains("graph-search-error"), "the theme's error mark: " + field.getStyleClass());
        assertTrue(field.getStyle().isEmpty(), "no inline colour: " + field.getStyle());
        assertTrue(robot.lookup("#graphStatus").queryLabeled().getText().startsWith("not a valid regular expression: "),
                robot.lookup("#graphStatus").queryLabeled().getText());
        robot.type(KeyCode.BACK_SPACE).write("1");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(field.getStyleClass().contains("graph-search-error"), "a valid pattern clears the mark");
    }

    @Test
    void fitNeverZoomsBelowReadableItFitsTheWidthAndScrolls(FxRobot robot) throws Exception {
        GraphScene s = GraphPaneFxTest.awaitLayout(pane);
        double whole = Math.min(pane.canvas().getWidth() / (s.width() + 40), pane.canvas().getHeight() / (s.height() + 40));
        assertTrue(whole < GraphCanvas.READABLE_SCALE, "this model fitted whole would be unreadable: " + whole);
        robot.clickOn("#graphFit");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.canvas().scale() >= GraphCanvas.READABLE_SCALE, "fit zoom " + pane.canvas().scale());
        Point2D top = pane.canvas().toScreen(0, 0);
        assertEquals(10, top.getY(), 1e-6, "shown from the top");
        double right = pane.canvas().toScreen(s.width(), 0).getX();
        assertTrue(top.getX() >= 0 && right <= pane.canvas().getWidth(), "the width fits: " + top.getX() + ".." + right);
        double ty = pane.canvas().translateY();
        robot.moveTo(pane.canvas()).scroll(5, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(ty, pane.canvas().translateY(), 1e-9);
    }

    private ContextMenu rightClick(FxRobot robot, Point2D canvasLocal) {
        robot.moveTo(pane.canvas().localToScreen(canvasLocal)).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w)
                .findFirst().orElseThrow(() -> new AssertionError("no context menu"));
    }

    /** Picks a menu entry as a click does: the menu closes, then the entry acts. */
    private static void choose(FxRobot robot, ContextMenu menu, String id) {
        robot.interact(() -> {
            MenuItem m = item(menu, id);
            menu.hide();
            m.fire();
        });
    }

    private static MenuItem item(ContextMenu menu, String id) {
        return menu.getItems().stream().filter(m -> id.equals(m.getId())).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    @Test
    void nodeAndEdgeContextMenus(FxRobot robot) throws Exception {
        GraphScene s = GraphPaneFxTest.awaitLayout(pane);
        GraphNode block = pane.viewModel().root().nodes().stream().filter(n -> n.title().startsWith("blocks.0:")).findFirst().orElseThrow();
        ContextMenu menu = rightClick(robot, centreOnScreen(block));
        assertEquals(java.util.List.of("Copy name", "Show code", "Expand", "Collapse", "Hide", "", "Values after a run"),
                menu.getItems().stream().map(m -> m.getText() == null ? "" : m.getText()).toList());
        choose(robot, menu, "graphCopyName");
        assertEquals(block.title(), WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS));

        choose(robot, rightClick(robot, centreOnScreen(block)), "graphValues");
        String details = robot.lookup("#graphDetails").queryTextInputControl().getText();
        assertTrue(details.startsWith("No run has produced values for " + block.title() + " yet."), details);

        choose(robot, rightClick(robot, centreOnScreen(block)), "graphExpand");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().isExpanded(block));
        s = GraphPaneFxTest.awaitLayout(pane);
        GraphNode relu = block.content().nodes().stream().filter(n -> n.title().equals("relu")).findFirst().orElseThrow();
        ContextMenu inner = rightClick(robot, centreOnScreen(relu));
        assertEquals("Collapse " + block.title(), item(inner, "graphCollapse").getText(), "an inner node's menu closes its group");
        choose(robot, inner, "graphHide");
        assertTrue(pane.viewModel().isHidden(relu));
        assertTrue(pane.canvas().pick(centreOnScreen(relu).getX(), centreOnScreen(relu).getY()).isEmpty(), "a hidden node is not drawn or picked");
        robot.clickOn("#graphViewMenu");
        robot.clickOn("Show hidden");
        assertFalse(pane.viewModel().isHidden(relu));

        // After a run: the graph's output and the edge into it show the run's values.
        GraphNode output = pane.viewModel().root().nodes().stream().filter(n -> n.kind() == NodeKind.OUTPUT).findFirst().orElseThrow();
        robot.interact(() -> pane.setRunValues(new RunValues() {
            @Override
            public Optional<String> forNode(GraphNode node) {
                return node == output ? Optional.of("Tensor [2, 3] float32 [[0.5, 1.0, 1.5], ...]") : Optional.empty();
            }

            @Override
            public Optional<String> forEdge(GraphEdge edge) {
                return forNode(edge.to());
            }
        }));
        robot.interact(() -> pane.canvas().centerOn(output));
        choose(robot, rightClick(robot, centreOnScreen(output)), "graphValues");
        details = robot.lookup("#graphDetails").queryTextInputControl().getText();
        assertTrue(details.contains("Values after the last run") && details.contains("Tensor [2, 3] float32"), details);

        // An edge: the one into the output, clicked half-way along its last segment.
        s = pane.canvas().scene();
        int e = -1;
        for (int k = 0; k < s.edgeCount(); k++) if (s.edge(k).to() == output) e = k;
        double[] r = s.route(e);
        int n = r.length;
        Point2D mid = pane.canvas().toScreen((r[n - 4] + r[n - 2]) / 2, (r[n - 3] + r[n - 1]) / 2);
        ContextMenu edgeMenu = rightClick(robot, mid);
        assertEquals("Copy name", item(edgeMenu, "graphCopyName").getText());
        choose(robot, edgeMenu, "graphValues");
        details = robot.lookup("#graphDetails").queryTextInputControl().getText();
        assertTrue(details.contains("Tensor [2, 3] float32"), details);
    }

    @Test
    void theMethodPickerDrawsAnyMethodAndTheViewMenuHasMinimapAndCompare(FxRobot robot) throws Exception {
        ScriptModule m = Jit.load(SharedFixtures.pytorch("exported.method.dat"));
        try {
            robot.interact(() -> pane.show(m, "forward"));
            GraphPaneFxTest.awaitLayout(pane);
            assertEquals(java.util.Set.of("forward", "predict", "add_scalar"), java.util.Set.copyOf(pane.methodPicker().getItems()));
            assertTrue(pane.methodPicker().isVisible());
            assertEquals("forward", pane.viewModel().graph().method());
            robot.interact(() -> pane.methodPicker().setValue("add_scalar"));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pane.viewModel().graph().method().equals("add_scalar"));
            GraphPaneFxTest.awaitLayout(pane);
            assertTrue(pane.viewModel().graph().inputs().stream().anyMatch(v -> v.type().equals("int")), "add_scalar(x, i: int) is drawn");
            robot.interact(() -> pane.methodPicker().setValue("forward"));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pane.viewModel().graph().method().equals("forward"));
            GraphPaneFxTest.awaitLayout(pane);

            robot.clickOn("#graphViewMenu");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("Minimap").tryQuery().isPresent(), "the minimap is in the View menu");
            assertTrue(robot.lookup("Compare with freeze\u2026").tryQuery().isPresent());
            robot.type(KeyCode.ESCAPE);
            javafx.scene.control.MenuButton view = robot.lookup("#graphViewMenu").queryAs(javafx.scene.control.MenuButton.class);
            javafx.scene.control.CheckMenuItem minimap = (javafx.scene.control.CheckMenuItem) view.getItems().get(0);
            robot.interact(() -> minimap.setSelected(false));
            assertFalse(robot.lookup(".graph-minimap").query().isVisible(), "the View menu turns the minimap off");
            robot.interact(() -> minimap.setSelected(true));
            assertTrue(robot.lookup(".graph-minimap").query().isVisible());
            MenuItem freeze = view.getItems().stream().filter(i -> "graphCompareFreeze".equals(i.getId())).findFirst().orElseThrow();
            assertFalse(freeze.isDisable());
            robot.interact(freeze::fire);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#graphCompare").tryQuery().isPresent());
            GraphCompareView compare = robot.lookup("#graphCompare").queryAs(GraphCompareView.class);
            // both sides drawn (the frozen module is made on another thread) before the window and the module close
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> compare.right().viewModel() != null && compare.left().viewModel() != null);
            robot.interact(() -> ((Stage) compare.getScene().getWindow()).close());
        } finally {
            m.close();
        }
    }
}
