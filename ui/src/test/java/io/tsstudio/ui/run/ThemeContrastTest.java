package io.tsstudio.ui.run;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.ui.theme.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * WCAG AA for text (contrast 4.5:1 or more) in both themes, computed from the colours CSS resolved on the real run
 * panel: the method signature, the argument types and sources, an error, and a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeContrastTest {
    static final double AA = 4.5;

    @TempDir
    Path dir;
    private Stage stage;
    private InProcessBackend backend;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (backend != null) backend.close();
    }

    /** WCAG 2 relative luminance of an sRGB colour. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The colour behind a node: the background fills of it and its ancestors, blended over the scene's fill. */
    static Color behind(Node node) {
        List<Color> layers = new ArrayList<>();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color c && c.getOpacity() > 0) {
                        layers.add(c);
                        break;
                    }
                }
            }
        }
        Color out = node.getScene().getFill() instanceof Color c ? c : Color.WHITE;
        for (int i = layers.size() - 1; i >= 0; i--) out = over(layers.get(i), out);
        return out;
    }

    private static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return new Color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a), 1);
    }

    static String ratioOf(Labeled l) {
        Color fg = (Color) l.getTextFill();
        Color bg = behind(l);
        return String.format(Locale.ROOT, "%.2f:1 (%s on %s)", contrast(fg, bg), fg, bg);
    }

    static void assertReadable(Labeled l, String what) {
        assertNotNull(l.getText(), what + " has no text");
        assertFalse(l.getText().isBlank(), what + " has no text");
        double c = contrast((Color) l.getTextFill(), behind(l));
        assertTrue(c >= AA, what + " '" + l.getText() + "' has contrast " + ratioOf(l) + ", below WCAG AA " + AA);
    }

    private void check(FxRobot robot, Theme theme) throws Exception {
        backend = new InProcessBackend();
        RunPanelViewModel vm = new RunPanelViewModel(backend, new InputsStore(dir.resolve(theme + ".json")), RunPanelView.fxExecutor());
        RunPanelView[] view = new RunPanelView[1];
        Button withTip = new Button("hover me");
        Tooltip tip = new Tooltip("Concurrent callers on the same module");
        withTip.setTooltip(tip);
        robot.interact(() -> {
            view[0] = new RunPanelView(vm);
            Scene scene = new Scene(new VBox(withTip, view[0]), 1000, 700);
            scene.getStylesheets().setAll(theme.stylesheets());
            stage.setScene(scene);
            stage.show();
            vm.setModel(SharedFixtures.pytorch("linrelu.script.dat"));
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.methodProperty().get() != null && !vm.arguments().isEmpty() && !vm.arguments().get(0).sourceProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertReadable(robot.lookup("#arg-input-source").queryAs(Label.class), theme + " input source");
        robot.interact(() -> vm.arguments().get(0).shapeProperty().set("3"));
        robot.interact(vm::run);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && vm.errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertReadable(robot.lookup("#schemaLabel").queryAs(Label.class), theme + " method signature");
        assertReadable(robot.lookup("#errorLabel").queryAs(Label.class), theme + " run error");
        Label type = (Label) robot.lookup(".run-type").query();
        assertReadable(type, theme + " argument type");
        // every other label of the panel too
        List<String> low = new ArrayList<>();
        for (Node n : view[0].lookupAll(".label")) {
            if (n instanceof Labeled l && l.isVisible() && !l.isDisabled() && l.getText() != null && !l.getText().isBlank()
                    && contrast((Color) l.getTextFill(), behind(l)) < AA) low.add(l.getText() + " " + ratioOf(l));
        }
        assertEquals(List.of(), low, theme + ": labels below AA");

        robot.interact(() -> tip.show(stage, stage.getX() + 10, stage.getY() + 10));
        WaitForAsyncUtils.waitForFxEvents();
        Labeled tipLabel = (Labeled) tip.getSkin().getNode();
        robot.interact(tipLabel::applyCss);
        assertReadable(tipLabel, theme + " tooltip");
        robot.interact(tip::hide);
    }

    @Test
    void darkThemeTextMeetsWcagAa(FxRobot robot) throws Exception {
        check(robot, Theme.DARK);
    }

    @Test
    void lightThemeTextMeetsWcagAa(FxRobot robot) throws Exception {
        check(robot, Theme.LIGHT);
    }

    @Test
    void theContrastFormulaGivesWcagsReferenceValues() {
        assertEquals(21.0, contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1.0, contrast(Color.web("#777"), Color.web("#777")), 1e-9);
        assertEquals(4.48, contrast(Color.web("#777777"), Color.WHITE), 0.01); // the classic just-below-AA grey
    }
}
