package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.graph.layout.GraphLayoutTest;
import io.tsstudio.ui.graph.model.ShapeLookup;
import io.tsstudio.ui.graph.render.NodeDecor;
import io.tsstudio.ui.theme.Theme;
import io.tsstudio.ui.theme.ThemeManager;
import io.tsstudio.ui.theme.ThemedStage;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the graph view draws over its canvas (the observed-time legend, the minimap) takes the theme's colours, and follows a switch. */
@ExtendWith(ApplicationExtension.class)
class GraphPaneThemeFxTest {
    private ThemeManager themes;
    private GraphPane pane;

    @Start
    void start(Stage stage) {
        pane = new GraphPane();
        themes = ThemedStage.show(stage, pane, 1000, 700);
        pane.show(GraphLayoutTest.stack(3), GraphLayoutTest.LOADER);
        pane.setObservation(ShapeLookup.none(), NodeDecor.NONE, new int[] {0x4dabf7, 0xfa5252}, "12.5 ms");
    }

    /**
     * Back to light: a ThemeManager styles every window shown after it with its theme, so one left dark would turn the
     * next test's new window dark.
     */
    @AfterEach
    void lightAgain() throws Exception {
        fx(() -> {
            themes.themeProperty().set(Theme.LIGHT);
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private Region legend() {
        return (Region) pane.lookup("#graphTimeLegend");
    }

    private Paint background() {
        legend().applyCss();
        return legend().getBackground().getFills().get(0).getFill();
    }

    private Paint totalText() {
        Label total = (Label) pane.lookup("#graphTimeTotal");
        total.applyCss();
        return total.getTextFill();
    }

    /** A pixel left of the minimap's overview (the test graph is a narrow column in its middle). */
    private Color minimapBackground() {
        Region minimap = (Region) pane.lookup(".graph-minimap");
        return minimap.snapshot(null, null).getPixelReader().getColor(6, (int) minimap.getHeight() / 2);
    }

    @Test
    void theMinimapPaintsOnTheThemesBackground() throws Exception {
        GraphPaneFxTest.awaitLayout(pane);
        assertEquals(Color.WHITE, fx(this::minimapBackground), "white on the light theme");
        fx(() -> {
            themes.themeProperty().set(Theme.DARK);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.web("#2a2f36"), fx(this::minimapBackground), "the dark theme's minimap background");
    }

    @Test
    void legendColoursComeFromTheThemeAndFollowASwitch() throws Exception {
        assertTrue(fx(() -> legend().isVisible()), "an observation shows the legend");
        assertEquals(Color.web("rgba(255,255,255,0.85)"), fx(this::background), "a light, translucent legend on the light theme");
        assertEquals(Color.web("#1f2933"), fx(this::totalText), "the light theme's graph text");
        assertTrue(fx(() -> legend().getStyle()).isEmpty(), "no inline colours on the legend: " + fx(() -> legend().getStyle()));

        fx(() -> {
            themes.themeProperty().set(Theme.DARK);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.web("rgba(42,47,54,0.88)"), fx(this::background), "a dark legend on the dark theme");
        assertEquals(Color.web("#e3e6ea"), fx(this::totalText), "the dark theme's graph text");
    }
}
