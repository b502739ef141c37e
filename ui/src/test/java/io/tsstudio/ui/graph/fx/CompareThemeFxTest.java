package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.compare.ModuleMark;
import io.tsstudio.ui.theme.Theme;
import io.tsstudio.ui.theme.ThemeManager;
import io.tsstudio.ui.theme.ThemedStage;
import javafx.scene.control.Label;
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

/** The compare view's mark colours (node fills and legend chips) come from the theme and follow a switch. */
@ExtendWith(ApplicationExtension.class)
class CompareThemeFxTest {
    private ThemeManager themes;
    private GraphCompareView view;

    @Start
    void start(Stage stage) {
        view = new GraphCompareView();
        themes = ThemedStage.show(stage, view, 1100, 700);
    }

    /** Back to light: a ThemeManager styles every window shown after it with its theme. */
    @AfterEach
    void lightAgain() throws Exception {
        fx(() -> {
            themes.themeProperty().set(Theme.LIGHT);
            return null;
        });
        view.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private Label chip(ModuleMark mark) {
        Label chip = (Label) view.lookup("#compareChip-" + mark.name().toLowerCase(java.util.Locale.ROOT));
        chip.applyCss();
        return chip;
    }

    private Paint chipBackground(ModuleMark mark) {
        return chip(mark).getBackground().getFills().get(0).getFill();
    }

    @Test
    void markColoursFollowTheTheme() throws Exception {
        assertEquals(0xFFFFE08A, (int) fx(() -> view.markColour(ModuleMark.CHANGED)));
        assertEquals(0xFFFF6B9A, (int) fx(() -> view.markColour(ModuleMark.FIRST_DIVERGENCE)));
        assertEquals(Color.web("#ffe08a"), fx(() -> chipBackground(ModuleMark.CHANGED)), "the chip shows the same colour");
        assertEquals(Color.web("#1f2933"), fx(() -> chip(ModuleMark.CHANGED).getTextFill()));

        fx(() -> {
            themes.themeProperty().set(Theme.DARK);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0xFF5C4D12, (int) fx(() -> view.markColour(ModuleMark.CHANGED)), "a muted fill under the dark theme's light text");
        assertEquals(0xFF8A1F4D, (int) fx(() -> view.markColour(ModuleMark.FIRST_DIVERGENCE)));
        assertEquals(Color.web("#3b5a1a"), fx(() -> chipBackground(ModuleMark.ADDED)));
        assertEquals(Color.web("#e3e6ea"), fx(() -> chip(ModuleMark.ADDED).getTextFill()), "the dark theme's text on the chips");
    }
}
