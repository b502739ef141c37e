package io.tsstudio.ui.editor;

import io.tsstudio.engine.CompileException;
import io.tsstudio.engine.Jit;
import io.tsstudio.ui.theme.Theme;
import io.tsstudio.ui.session.EngineModelBackend;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the real compiler: an error at the end of input is marked on its own line with a visible underline, at the
 * line and column the engine (and so the CLI's {@code compile}) reports; Backspace in leading spaces dedents; and
 * tooltips are readable in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class EndOfInputAndDedentFxTest {
    private Stage stage;
    private CodeEditorView view;
    private EditorViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 900, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        if (view != null) Platform.runLater(view::close);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private void edit(String text, SourceChecker checker, Theme theme) throws Exception {
        fx(() -> {
            vm = new EditorViewModel(BufferKind.SCRIPT, "t.py", null, text, checker, Platform::runLater);
            vm.setCheckDelayMillis(20);
            view = new CodeEditorView(vm, new CompletionProvider(OperatorCatalog.EMPTY, List::of));
            Scene scene = new Scene(view, 900, 500);
            scene.getStylesheets().addAll(theme.stylesheets());
            stage.setScene(scene);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Diagnostic checked(String text) throws Exception {
        edit(text, new EngineModelBackend(OperatorCatalog.EMPTY).scriptChecker(), Theme.LIGHT);
        fx(() -> {
            vm.requestCheck();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.diagnostics().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return vm.diagnostics().get(0);
    }

    private static CompileException compiled(String text) {
        return assertThrows(CompileException.class, () -> Jit.compile(text).close());
    }

    @Test
    void anErrorAtTheEndOfATerminatedScriptIsUnderlinedOnTheEmptyLastLine(FxRobot robot) throws Exception {
        String text = "def f(x: int):\n    return x +\n";
        Diagnostic d = checked(text);
        CompileException e = compiled(text);
        assertEquals(e.line() + ":" + e.column(), d.location(), "the editor says what `tsstudio compile` says");
        assertEquals("3:1", d.location(), "the line after the code, where the input ends");
        Node underline = robot.lookup("#eofError-3").query();
        assertTrue(fx(underline::isVisible) && fx(() -> underline.getLayoutBounds().getWidth()) >= 10, "a visible underline on line 3");
        // the gutter's line cells are laid out in a later pulse than the underline: wait for the layout to settle
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> underline.localToScene(underline.getLayoutBounds()).getMinY())
                > fx(() -> robot.lookup("#gutterError-3").query().localToScene(0, 0).getY() - 1));
        Color fill = (Color) fx(() -> ((javafx.scene.layout.Region) underline).getBackground().getFills().get(0).getFill());
        assertTrue(fill.getRed() > 0.6 && fill.getGreen() < 0.5, "drawn in the error colour: " + fill);
    }

    @Test
    void anErrorAtTheEndOfAnUnterminatedScriptUnderlinesItsLastCharacter() throws Exception {
        String text = "def f(x: int):\n    return x +";
        Diagnostic d = checked(text);
        CompileException e = compiled(text);
        assertEquals(e.line() + ":" + e.column(), d.location(), "the editor says what `tsstudio compile` says");
        assertEquals("2:15", d.location(), "just after the last character");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> view.codeArea().getStyleAtPosition(text.length()).contains("error-range")));
        assertTrue(fx(() -> !view.codeArea().getStyleAtPosition(text.length() - 2).contains("error-range")), "only the last character");
    }

    @Test
    void backspaceInLeadingSpacesRemovesOneIndentLevel(FxRobot robot) throws Exception {
        edit("", s -> List.of(), Theme.LIGHT);
        robot.clickOn(view.codeArea());
        robot.write("def f(x: int) -> int:");
        robot.type(KeyCode.ENTER);
        robot.write("if x > 0:");
        robot.type(KeyCode.ENTER);
        assertEquals("def f(x: int) -> int:\n    if x > 0:\n        ", fx(() -> view.codeArea().getText()));
        robot.type(KeyCode.BACK_SPACE);
        assertEquals("def f(x: int) -> int:\n    if x > 0:\n    ", fx(() -> view.codeArea().getText()), "one level, not one space");
        robot.write("  ");
        robot.type(KeyCode.BACK_SPACE);
        assertEquals("def f(x: int) -> int:\n    if x > 0:\n    ", fx(() -> view.codeArea().getText()), "back to the indent stop");
        robot.write("return x");
        robot.type(KeyCode.BACK_SPACE);
        assertEquals("def f(x: int) -> int:\n    if x > 0:\n    return ", fx(() -> view.codeArea().getText()), "after code, one character");
    }

    @Test
    void tooltipsAreReadableInBothThemes() throws Exception {
        for (Theme theme : Theme.values()) {
            Tooltip tip = fx(() -> {
                Button owner = new Button("owner");
                Scene scene = new Scene(new StackPane(owner), 400, 300);
                scene.getStylesheets().addAll(theme.stylesheets());
                stage.setScene(scene);
                Tooltip t = new Tooltip("3:1: expected ident but found 'newline'");
                owner.setTooltip(t);
                t.show(stage, stage.getX() + 20, stage.getY() + 20);
                return t;
            });
            WaitForAsyncUtils.waitForFxEvents();
            Label text = fx(() -> (Label) tip.getSkin().getNode());
            WaitForAsyncUtils.waitForFxEvents();
            Color fg = (Color) fx(text::getTextFill);
            Color bg = (Color) fx(() -> text.getBackground().getFills().get(0).getFill());
            double ratio = contrast(fg, bg);
            assertTrue(bg.getOpacity() > 0.99, theme + ": an opaque background, not a translucent one: " + bg);
            assertTrue(ratio >= 7, theme + ": text " + fg + " on " + bg + " has contrast " + ratio);
            assertTrue(fx(() -> text.getFont().getSize()) >= 12, theme + ": font size " + text.getFont().getSize());
            fx(() -> {
                tip.hide();
                return null;
            });
        }
    }

    /** WCAG 2 contrast ratio. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
