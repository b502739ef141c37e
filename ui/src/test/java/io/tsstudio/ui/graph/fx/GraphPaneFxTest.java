package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.graph.layout.GraphLayoutTest;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.NodeKind;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pane on a hand-built graph (real fixtures: {@code GraphFixturesFxTest}). */
@ExtendWith(ApplicationExtension.class)
class GraphPaneFxTest {
    private GraphPane pane;
    private final List<GraphSelection> selections = new ArrayList<>();

    @Start
    void start(Stage stage) {
        pane = new GraphPane();
        pane.addSelectionListener(selections::add);
        stage.setScene(new Scene(pane, 1200, 800));
        stage.show();
        pane.show(GraphLayoutTest.stack(3), GraphLayoutTest.LOADER);
    }

    static GraphScene awaitLayout(GraphPane pane) throws Exception {
        GraphScene s = pane.layoutDone().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return s;
    }

    static Point2D screenPoint(GraphPane pane, GraphNode n) {
        GraphScene s = pane.canvas().scene();
        int i = s.indexOf(n).orElseThrow(() -> new AssertionError(n + " is not drawn"));
        Point2D local = pane.canvas().toScreen(s.x(i) + 12, s.y(i) + s.h(i) / 2);
        return pane.canvas().localToScreen(local);
    }

    @Test
    void drawsTheTopLevelAndOpensAndClosesASubmoduleByDoubleClick(FxRobot robot) throws Exception {
        GraphScene s = awaitLayout(pane);
        assertEquals(pane.viewModel().root().nodes().size(), s.nodeCount());
        GraphNode block = pane.viewModel().root().nodes().get(2);
        assertEquals(NodeKind.MODULE, block.kind());
        robot.moveTo(screenPoint(pane, block)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().isExpanded(block));
        s = awaitLayout(pane);
        assertEquals(pane.viewModel().root().nodes().size() + block.content().nodes().size(), s.nodeCount());
        assertTrue(s.isOpen(s.indexOf(block).orElseThrow()));
        robot.moveTo(screenPoint(pane, block)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pane.viewModel().isExpanded(block));
        s = awaitLayout(pane);
        assertEquals(pane.viewModel().root().nodes().size(), s.nodeCount());
    }

    @Test
    void flatAndFoldTogglesRebuildTheView(FxRobot robot) throws Exception {
        awaitLayout(pane);
        robot.clickOn("#graphFlat");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().options().flat());
        GraphScene s = awaitLayout(pane);
        assertTrue(pane.viewModel().root().nodes().stream().noneMatch(GraphNode::isContainer), "flat: no groups");
        assertEquals(2 + 3 * 3, s.nodeCount(), "input, output and linear/relu/add per block");
        robot.clickOn("#graphFold");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pane.viewModel().options().foldConstants());
        s = awaitLayout(pane);
        assertTrue(pane.viewModel().root().nodes().stream().anyMatch(n -> n.kind() == NodeKind.CONSTANT));
        assertEquals(pane.viewModel().root().nodes().size(), s.nodeCount());
        robot.clickOn("#graphFlat");
        robot.clickOn("#graphFold");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !pane.viewModel().options().flat() && pane.viewModel().options().foldConstants());
        assertEquals(5, awaitLayout(pane).nodeCount());
    }

    @Test
    void keyboardOpensTheSelectedGroupAndZooms(FxRobot robot) throws Exception {
        awaitLayout(pane);
        GraphNode block = pane.viewModel().root().nodes().get(3);
        robot.clickOn(screenPoint(pane, block), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().selected().orElse(null) == block);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().isExpanded(block));
        awaitLayout(pane);
        double before = pane.canvas().scale();
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before * 0.8, pane.canvas().scale(), 1e-9);
        robot.type(KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.viewModel().traced().contains(pane.viewModel().root().nodes().get(0)), "input x is an ancestor");
    }

    @Test
    void searchTypedInTheToolbarSelectsAndRevealsTheHit(FxRobot robot) throws Exception {
        awaitLayout(pane);
        robot.clickOn("#graphSearch").write("aten::relu");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().selected().isPresent());
        GraphNode hit = pane.viewModel().selected().orElseThrow();
        assertEquals("relu", hit.title());
        GraphScene s = awaitLayout(pane);
        assertTrue(s.indexOf(hit).isPresent(), "the group holding the hit was opened and laid out");
        assertFalse(selections.isEmpty());
        assertEquals(hit, selections.get(selections.size() - 1).node());
    }

    @Test
    void clickingANodeSendsItsSourceRangeAndExportsWork(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitLayout(pane);
        GraphNode block = pane.viewModel().root().nodes().get(1);
        robot.moveTo(screenPoint(pane, block)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().isExpanded(block));
        awaitLayout(pane);
        GraphNode fc = block.content().nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).findFirst().orElseThrow();
        robot.moveTo(screenPoint(pane, fc)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().isExpanded(fc));
        awaitLayout(pane);
        GraphNode linear = fc.content().nodes().stream().filter(n -> n.title().equals("linear")).findFirst().orElseThrow();
        robot.clickOn(screenPoint(pane, linear), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !selections.isEmpty()
                && selections.get(selections.size() - 1).node() == linear);
        GraphSelection sel = selections.get(selections.size() - 1);
        assertEquals(10, sel.sourceRange().orElseThrow().startLine());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#graphDetails").queryTextInputControl().getText().contains("kind: aten::linear"));
        robot.interact(() -> pane.highlightSourceLine(10));
        assertEquals(java.util.Set.of(linear), pane.viewModel().sourceHits(), "line 10 produced the linear node");
        Path svg = dir.resolve("g.svg");
        Path png = dir.resolve("g.png");
        robot.interact(() -> {
            try {
                pane.exportSvg(svg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pane.exportPng(png);
        });
        assertTrue(Files.readString(svg).contains(">linear</text>"));
        assertTrue(Files.size(png) > 1000);
    }
}
