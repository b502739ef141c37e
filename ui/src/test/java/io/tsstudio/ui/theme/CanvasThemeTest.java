package io.tsstudio.ui.theme;

import io.tsstudio.ui.graph.render.GraphStyle;
import io.tsstudio.ui.graph.fx.GraphCanvas;
import io.tsstudio.ui.grapheditor.EditorCanvasProbe;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The graph view's and the graph editor's canvases paint in the theme's colours, and switch with it. */
@ExtendWith(ApplicationExtension.class)
class CanvasThemeTest {
    private ThemeManager themes;
    private GraphCanvas graph;
    private EditorCanvasProbe editor;

    @Start
    void start(Stage stage) {
        themes = new ThemeManager(Theme.LIGHT);
        graph = new GraphCanvas();
        editor = new EditorCanvasProbe(new GraphEditorViewModel(List::of));
        HBox root = new HBox(graph, editor.node());
        Scene scene = new Scene(root, 800, 400);
        themes.register(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void bothCanvasesFollowALightToDarkSwitch() throws Exception {
        assertEquals(0xFFFAFAFA, fx(() -> graph.graphStyle().color(GraphStyle.Role.BACKGROUND)));
        assertEquals(0xFF1F2933, fx(() -> graph.graphStyle().color(GraphStyle.Role.TEXT)), "dark text on the light theme");
        assertEquals(Color.web("#f7f8fa"), fx(editor::backgroundPixel), "the editor canvas paints the light background");

        fx(() -> {
            themes.themeProperty().set(Theme.DARK);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0xFF1E2227, fx(() -> graph.graphStyle().color(GraphStyle.Role.BACKGROUND)));
        assertEquals(0xFFE3E6EA, fx(() -> graph.graphStyle().color(GraphStyle.Role.TEXT)), "light text on the dark theme");
        assertEquals(0xFF24402C, fx(() -> graph.graphStyle().color(GraphStyle.Role.IO_FILL)));
        assertEquals(Color.web("#1e2127"), fx(editor::backgroundPixel), "the editor canvas repainted dark");

        fx(() -> {
            themes.toggle();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0xFFFAFAFA, fx(() -> graph.graphStyle().color(GraphStyle.Role.BACKGROUND)), "and back");
        assertEquals(Color.web("#f7f8fa"), fx(editor::backgroundPixel));
    }

    @Test
    void everyThemeDefinesEveryCanvasColour() throws Exception {
        List<String> names = Arrays.stream(GraphStyle.Role.values()).map(GraphStyle.Role::cssName).toList();
        for (Theme t : Theme.values()) {
            Palette p = fx(() -> Palette.read(t.stylesheets(), names));
            for (String n : names) assertTrue(p.defines(n), t + " defines " + n);
            for (String n : EditorCanvasProbe.colourNames()) {
                assertTrue(fx(() -> Palette.read(t.stylesheets(), EditorCanvasProbe.colourNames()).defines(n)), t + " defines " + n);
            }
        }
        // the light palette in the stylesheet is the one exports (which have no stylesheet) use
        Palette light = fx(() -> Palette.read(Theme.LIGHT.stylesheets(), names));
        for (GraphStyle.Role r : GraphStyle.Role.values()) {
            assertEquals(r.light(), light.argb(r.cssName(), 0), r.cssName());
        }
    }

    @Test
    void aNameThatIsNoLookedUpColourIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Palette.read(Theme.LIGHT.stylesheets(), List.of("red; -fx-shape: x")));
        assertEquals("not a looked-up colour name: red; -fx-shape: x", e.getMessage());
    }
}
