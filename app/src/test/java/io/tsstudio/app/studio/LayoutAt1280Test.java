package io.tsstudio.app.studio;





import io.tsstudio.ui.preferences.StudioDirs;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The main window at 1280×800 with a model open and the run panel in its dock: no visible labelled control shows
 * less than its text (no ellipsis, no cut-off spinner or combo value), and the dock widens with the window.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutAt1280Test {
    @TempDir
    static Path home;

    private StudioViewModel vm;
    private MainWindow window;
    private RunPanelWiring run;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        StudioDirs dirs = StudioDirs.under(Files.createTempDirectory(home, "studio"));
        System.setProperty("tsstudio.home", dirs.data().toString());
        TestStudio studio = TestStudio.show(stage, dirs);
        vm = studio.vm();
        window = studio.window();
        run = RunPanelWiring.install(window, vm.workspace());
        run.startWorker();
        GraphWiring.install(window, vm, vm.ioExecutor());
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            run.close();
            vm.shutdown();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Every visible labelled control or spinner on screen whose text does not fit, with what it shows instead. */
    static List<String> clipped(Scene scene) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), scene, out);
        return out;
    }

    private static void walk(Node n, Scene scene, List<String> out) {
        if (!n.isVisible()) return;
        Bounds b = n.localToScene(n.getBoundsInLocal());
        boolean onScreen = b.getMaxX() > 0 && b.getMaxY() > 0 && b.getMinX() < scene.getWidth() && b.getMinY() < scene.getHeight()
                && b.getWidth() > 0 && b.getHeight() > 0;
        if (onScreen && n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            double need = textWidth(l) + l.snappedLeftInset() + l.snappedRightInset();
            if (l.getGraphic() != null && l.getGraphic().isVisible() && l.getContentDisplay() != javafx.scene.control.ContentDisplay.TEXT_ONLY
                    && l.getContentDisplay() != javafx.scene.control.ContentDisplay.TOP && l.getContentDisplay() != javafx.scene.control.ContentDisplay.BOTTOM) {
                need += l.getGraphic().prefWidth(-1) + l.getGraphicTextGap();
            }
            if (l.getWidth() + 1 < need) {
                out.add(describe(l) + " '" + l.getText() + "' is " + Math.round(l.getWidth()) + " px wide, its text needs " + Math.round(need));
            }
        }
        if (onScreen && n instanceof Spinner<?> s && s.getEditor() != null) {
            Text probe = new Text(s.getEditor().getText());
            probe.setFont(s.getEditor().getFont());
            double need = probe.getLayoutBounds().getWidth() + s.getEditor().snappedLeftInset() + s.getEditor().snappedRightInset();
            if (s.getEditor().getWidth() + 0.5 < need) out.add(describe(s) + " has " + Math.round(s.getEditor().getWidth()) + " px for '" + s.getEditor().getText() + "' (needs " + Math.round(need) + ")");
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, scene, out);
    }

    /** The text's width in the label's font: all of it, or for a wrapping label its longest word (it may wrap between words only). */
    private static double textWidth(Labeled l) {
        String text = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
        Text probe = new Text();
        probe.setFont(l.getFont());
        double w = 0;
        for (String part : l.isWrapText() ? text.split("\\s+") : text.split("\n")) {
            probe.setText(part);
            w = Math.max(w, probe.getLayoutBounds().getWidth());
        }
        return w;
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }

    @Test
    void nothingIsClippedAt1280x800WithAModelOpen() throws Exception {
        fx(() -> vm.open(Fixtures.pytorch("l1000_100_10.script.dat"))).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(() -> !run.view().viewModel().busyProperty().get()
                && run.view().viewModel().methodProperty().get() != null && !run.view().viewModel().arguments().isEmpty()
                && !run.view().viewModel().arguments().get(0).sourceProperty().get().isEmpty()));
        fx(() -> {
            window.dock().getSelectionModel().select(window.dock().getTabs().stream().filter(t -> "runSlot".equals(t.getId())).findFirst().orElseThrow());
            run.view().viewModel().benchmarkModeProperty().set(true);
            window.root().applyCss();
            window.root().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> clipped = new ArrayList<>(fx(() -> clipped(stage.getScene())));
        // and with the graph in front, once its first layout is done
        fx(() -> {
            window.dock().getSelectionModel().select(window.dock().getTabs().stream().filter(t -> "graphSlot".equals(t.getId())).findFirst().orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> {
            Node status = window.root().lookup("#graphStatus");
            return status instanceof Labeled l && l.getText() != null && l.getText().contains("drawn");
        }));
        fx(() -> {
            window.root().applyCss();
            window.root().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        clipped.addAll(fx(() -> clipped(stage.getScene())));
        assertEquals(List.of(), clipped);
    }

    /** Grown from 1024 to 1280 px, the headless screen's width (a wider stage does not fit its frame buffer). */
    @Test
    void theDockWidensWithTheWindow() throws Exception {
        double full = fx(() -> window.dock().getWidth());
        assertTrue(full >= 560, "the dock is " + full + " px wide at 1280");
        fx(() -> {
            stage.setWidth(1024);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double narrow = fx(() -> {
            window.root().layout();
            return window.dock().getWidth();
        });
        fx(() -> {
            stage.setWidth(1280);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double wide = fx(() -> {
            window.root().layout();
            return window.dock().getWidth();
        });
        assertTrue(wide > narrow + 100, "the dock went from " + narrow + " to only " + wide + " px as the window grew by 256 px");
    }
}
