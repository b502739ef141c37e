package io.tsstudio.app.studio;

import io.tsstudio.testkit.SharedFixtures;

import io.tsstudio.ui.editor.CodeEditorView;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.fx.GraphCanvas;
import io.tsstudio.ui.graph.fx.GraphPane;





import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clicking a graph node shows its code in the class's tab (switching tabs) but leaves the keyboard with the graph:
 * the graph's keys (+, -, F, arrows, Enter) zoom and pan, and never type into a buffer.
 */
@ExtendWith(ApplicationExtension.class)
class GraphKeysFocusTest {
    @TempDir
    static Path home;

    private StudioViewModel vm;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        TestStudio studio = TestStudio.show(stage, home);
        vm = studio.vm();
        window = studio.window();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            vm.shutdown();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private GraphPane graphPane() {
        return window.dock().getTabs().stream().filter(t -> "graphSlot".equals(t.getId()))
                .map(javafx.scene.control.Tab::getContent)
                .filter(n -> n instanceof GraphPane).map(n -> (GraphPane) n).findFirst().orElse(null);
    }

    @Test
    void selectingFromTheGraphRevealsCodeWithoutTakingTheKeys(FxRobot robot) throws Exception {
        fx(() -> GraphWiring.install(window, vm, vm.ioExecutor()));
        fx(() -> vm.open(SharedFixtures.pytorch("linrelu.script.dat"))).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> graphPane() != null && graphPane().viewModel() != null));
        fx(() -> graphPane().layoutDone()).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        GraphPane pane = fx(this::graphPane);
        GraphCanvas canvas = pane.canvas();

        // The class's code lives in another tab: a script tab is the active one, with the keyboard in its editor.
        EditorViewModel script = fx(() -> vm.newScript("x = 1\n"));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            window.editorOf(script).orElseThrow().codeArea().requestFocus();
            return null;
        });
        Map<EditorViewModel, String> before = new IdentityHashMap<>();
        fx(() -> {
            vm.buffers().forEach(b -> before.put(b, b.text()));
            return null;
        });

        // A real click on a node that has a source range: the call of the Linear submodule, a group Enter opens.
        GraphNode[] clicked = new GraphNode[1];
        Point2D at = fx(() -> {
            GraphScene s = canvas.scene();
            for (int i = 0; i < s.nodeCount(); i++) {
                GraphNode n = s.node(i);
                if (n.sourceRange().isEmpty() || !n.isContainer()) continue;
                Point2D local = canvas.toScreen(s.x(i) + s.w(i) / 2, s.y(i) + s.h(i) / 2);
                if (local.getX() > 5 && local.getY() > 5 && local.getX() < canvas.getWidth() - 5 && local.getY() < canvas.getHeight() - 5) {
                    clicked[0] = n;
                    return canvas.localToScreen(local);
                }
            }
            throw new AssertionError("no group node with a source range is on screen");
        });
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        EditorViewModel shown = fx(() -> vm.workspace().activeBuffer());
        assertNotEquals(script, shown, "the node's class tab is selected");
        assertTrue(fx(() -> vm.isModelCode(shown)), "a code tab of the model is shown");
        CodeEditorView editor = fx(() -> window.editorOf(shown).orElseThrow());
        assertTrue(fx(() -> editor.codeArea().getCurrentParagraph()) > 0, "the caret moved to the node's line");
        assertSame(canvas, fx(() -> stage.getScene().getFocusOwner()), "the keyboard stays with the graph");

        double scale = fx(canvas::scale);
        robot.write("+");
        robot.type(KeyCode.EQUALS, KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(canvas::scale) > scale, "+ zoomed the graph in");
        // Checked before F fits the graph again (which undoes any pan): the arrows move it by one LEFT step in all.
        double tx = fx(canvas::translateX);
        robot.type(KeyCode.LEFT, KeyCode.LEFT, KeyCode.UP, KeyCode.RIGHT, KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(tx, fx(canvas::translateX), "the arrows panned the graph");
        double zoomed = fx(canvas::scale);
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(canvas::scale) < zoomed, "- zoomed the graph out");
        // Enter opens the selected group; its new layout is a job on the shared layout lane, so wait for it to be drawn.
        robot.type(KeyCode.F, KeyCode.ENTER, KeyCode.SPACE);
        robot.write("f+-");
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> graphPane().layoutDone()).get(60, TimeUnit.SECONDS);
        assertTrue(fx(() -> pane.viewModel().isExpanded(clicked[0])), "Enter opened the selected group " + clicked[0].title());
        assertSame(canvas, fx(() -> stage.getScene().getFocusOwner()), "still the graph's keys");
        fx(() -> {
            for (EditorViewModel b : vm.buffers()) {
                assertEquals(before.get(b), b.text(), "graph keys did not edit " + b.name());
                assertFalse(b != script && b.isDirty(), b.name() + " stays unchanged");
            }
            return null;
        });
    }

    @Test
    void theF1ShortcutsListHasTheGraphKeys() {
        for (String key : List.of("F  fit", "+ / -  zoom", "arrows  pan", "Enter  open/close the selected group", "T  trace",
                "Ctrl+F  search the graph", "Right-click a node or edge")) {
            assertTrue(MainWindow.SHORTCUTS.contains(key), "F1 lists '" + key + "':\n" + MainWindow.SHORTCUTS);
        }
    }
}
