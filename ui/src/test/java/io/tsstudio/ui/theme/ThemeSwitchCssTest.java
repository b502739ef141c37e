package io.tsstudio.ui.theme;

import io.tsstudio.ui.graph.fx.GraphCanvas;
import io.tsstudio.ui.graph.render.GraphStyle;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A theme switch is one change of the scene's stylesheets, and palettes probe only the names the sheets define: no
 * canvas reads its colours from a sheet list without the theme, and JavaFX logs no CSS warning (it logged one
 * ClassCastException per graph colour when the switch removed the old theme before adding the new one).
 */
@ExtendWith(ApplicationExtension.class)
class ThemeSwitchCssTest {
    private final List<String> cssWarnings = new ArrayList<>();
    private final Logger css = Logger.getLogger("javafx.css");
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (cssWarnings) {
                    cssWarnings.add(String.valueOf(r.getMessage()));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static final String OWN_SHEET = ThemeSwitchCssTest.class.getResource("/io/tsstudio/ui/run/run-panel.css").toExternalForm();
    private ThemeManager themes;
    private final List<List<String>> sheetsSeen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        themes = new ThemeManager(Theme.LIGHT);
        GraphCanvas graph = new GraphCanvas();
        HBox root = new HBox(graph);
        Palette.follow(root, sheetsSeen::add);
        Scene scene = new Scene(root, 400, 300);
        scene.getStylesheets().add(OWN_SHEET); // a sheet of the window's own, which a switch keeps
        themes.register(scene);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void listen() {
        css.addHandler(recorder);
    }

    @AfterEach
    void stopListening() {
        css.removeHandler(recorder);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void switchingBackAndForthLogsNoCssWarningAndEveryListSeenHasATheme() throws Exception {
        fx(() -> {
            sheetsSeen.clear();
            return null;
        });
        for (int i = 0; i < 4; i++) {
            fx(() -> {
                themes.toggle();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        synchronized (cssWarnings) {
            assertEquals(List.of(), cssWarnings, "JavaFX CSS warnings during theme switches");
        }
        List<List<String>> seen = fx(() -> List.copyOf(sheetsSeen));
        assertFalse(seen.isEmpty());
        for (List<String> sheets : seen) {
            assertTrue(Arrays.stream(Theme.values()).anyMatch(t -> sheets.containsAll(t.stylesheets())),
                    "every stylesheet list a canvas is handed has a theme in it: " + sheets);
            assertTrue(sheets.stream().anyMatch(OWN_SHEET::equals), "the window's own sheet stays: " + sheets);
        }
    }

    @Test
    void aNameTheSheetsDoNotDefineIsAbsentWithoutAWarning() throws Exception {
        List<String> structureOnly = List.of(Theme.LIGHT.stylesheets().get(0));
        List<String> names = List.of(GraphStyle.Role.EDGE.cssName(), "-no-such-colour");
        Palette p = fx(() -> Palette.read(structureOnly, names));
        assertFalse(p.defines("-no-such-colour"));
        assertFalse(p.defines(GraphStyle.Role.EDGE.cssName()), "the structural sheet has no graph colours");
        Palette light = fx(() -> Palette.read(Theme.LIGHT.stylesheets(), names));
        assertTrue(light.defines(GraphStyle.Role.EDGE.cssName()));
        assertFalse(light.defines("-no-such-colour"));
        synchronized (cssWarnings) {
            assertEquals(List.of(), cssWarnings, "JavaFX CSS warnings while probing");
        }
    }

    /** A colour one theme declares and the other does not would leave a canvas in the other theme's fallback colour. */
    @Test
    void bothThemesDeclareTheSameLookedUpColours() {
        java.util.Map<Theme, java.util.Set<String>> declared = new java.util.EnumMap<>(Theme.class);
        for (Theme t : Theme.values()) {
            java.util.Set<String> names = new java.util.TreeSet<>(Palette.declaredOnRoot(List.of(t.stylesheets().get(1))));
            names.removeIf(n -> n.startsWith("-fx-")); // Modena's own settings: a theme overrides only the ones it needs
            declared.put(t, names);
        }
        assertTrue(declared.get(Theme.LIGHT).contains(GraphStyle.Role.EDGE.cssName()), declared.toString());
        assertEquals(declared.get(Theme.LIGHT), declared.get(Theme.DARK), "the looked-up colours of each theme");
    }

    /** A window of the studio's own (as the observed-value window is made: the main sheets copied) switches with it. */
    @Test
    void anotherOpenWindowFollowsASwitchAndAHiddenOneCatchesUpWhenShownAgain() throws Exception {
        Stage other = fx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(new HBox(), 200, 100);
            scene.getStylesheets().setAll(themes.theme().stylesheets());
            s.setScene(scene);
            s.show();
            return s;
        });
        Theme before = fx(themes::theme);
        fx(() -> {
            themes.toggle();
            return null;
        });
        Theme after = before.toggled();
        assertEquals(after.stylesheets(), fx(() -> List.copyOf(other.getScene().getStylesheets())), "the open window switched");

        fx(() -> {
            other.hide();
            themes.toggle();
            return null;
        });
        fx(() -> {
            other.show();
            return null;
        });
        assertEquals(before.stylesheets(), fx(() -> List.copyOf(other.getScene().getStylesheets())), "shown again in the theme of now");
        fx(() -> {
            other.close();
            return null;
        });
    }
}
