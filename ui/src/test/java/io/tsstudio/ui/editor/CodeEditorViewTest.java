package io.tsstudio.ui.editor;

import io.tsstudio.ui.theme.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor view, headless (Monocle): typing, highlighting, squiggles and gutter markers from the buffer's
 * diagnostics, completion, auto-indent, find/replace, undo. The checker here flags lines containing "??" so the
 * view's handling of diagnostics is tested apart from the compiler (the app's tests use the real compiler).
 */
@ExtendWith(ApplicationExtension.class)
class CodeEditorViewTest {
    private EditorViewModel vm;
    private CodeEditorView view;

    private final SourceChecker questionMarks = source -> {
        List<Diagnostic> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int col = lines[i].indexOf("??");
            if (col >= 0) out.add(Diagnostic.error(i + 1, col + 1, 2, "two question marks"));
        }
        return out;
    };

    @Start
    void start(Stage stage) {
        vm = new EditorViewModel(BufferKind.SCRIPT, "t.py", null, "", questionMarks, Platform::runLater);
        vm.setCheckDelayMillis(50);
        OperatorCatalog ops = () -> List.of(new OperatorInfo("aten::relu", List.of("aten::relu(Tensor self) -> Tensor")),
                new OperatorInfo("aten::reshape", List.of("aten::reshape(Tensor(a) self, SymInt[] shape) -> Tensor(a)")));
        view = new CodeEditorView(vm, new CompletionProvider(ops, List::of));
        Scene scene = new Scene(view, 900, 500);
        scene.getStylesheets().addAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeView() {
        Platform.runLater(view::close);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    }

    private <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aLongBufferOpensShowingItsTopNotItsEnd() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) text.append("    x = self.b").append(i).append(".forward(x)\n");
        CodeEditorView[] big = new CodeEditorView[1];
        Stage[] window = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            EditorViewModel model = new EditorViewModel(BufferKind.MODULE_CODE, "Net", null, text.toString(), null, Platform::runLater);
            big[0] = new CodeEditorView(model, new CompletionProvider(List::of, List::of));
            window[0] = new Stage();
            window[0].setScene(new Scene(big[0], 600, 400));
            window[0].show();
            return null;
        }).get(60, TimeUnit.SECONDS); // 3,000 lines take a while on a loaded machine
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertEquals(0, (int) fx(() -> big[0].codeArea().firstVisibleParToAllParIndex()));
            assertEquals(0, (int) fx(() -> big[0].codeArea().getCaretPosition()));
        } finally {
            fx(() -> {
                window[0].close();
                big[0].close();
                return null;
            });
        }
    }

    @Test
    void typedCodeIsHighlightedAndAutoIndented(FxRobot robot) throws Exception {
        robot.clickOn(view.codeArea());
        robot.write("def f(x: Tensor) -> Tensor:");
        robot.type(KeyCode.ENTER);
        robot.write("return torch.relu(x)  # 42");
        assertEquals("def f(x: Tensor) -> Tensor:\n    return torch.relu(x)  # 42", fx(() -> view.codeArea().getText()));
        String text = fx(() -> view.codeArea().getText());
        waitFor(() -> fx(() -> view.codeArea().getStyleAtPosition(text.indexOf("# 42") + 1).contains("comment")));
        assertTrue(fx(() -> view.codeArea().getStyleAtPosition(1).contains("keyword")));
        assertTrue(fx(() -> view.codeArea().getStyleAtPosition(text.indexOf("torch") + 1).contains("torch-call")));
        assertEquals("t.py", vm.nameProperty().get());
        assertTrue(vm.isDirty());
    }

    @Test
    void diagnosticsAreUnderlinedMarkedInTheGutterAndClearWhenFixed(FxRobot robot) throws Exception {
        robot.clickOn(view.codeArea());
        robot.write("x = 1");
        robot.type(KeyCode.ENTER);
        robot.write("y = x ?? 2");
        waitFor(() -> !vm.diagnostics().isEmpty());
        Diagnostic d = vm.diagnostics().get(0);
        assertEquals(2, d.line());
        assertEquals(7, d.column());
        int at = fx(() -> view.codeArea().getText().indexOf("??"));
        waitFor(() -> fx(() -> view.codeArea().getStyleAtPosition(at + 1).contains("error-range")));
        assertTrue(robot.lookup("#gutterError-2").tryQuery().isPresent(), "gutter marker on line 2");
        assertEquals(1, fx(() -> view.diagnosticsAt(at).size()));
        robot.type(KeyCode.BACK_SPACE, 4);
        waitFor(() -> vm.diagnostics().isEmpty());
        waitFor(() -> fx(() -> view.codeArea().getText().equals("x = 1\ny = x ")));
        waitFor(() -> robot.lookup("#gutterError-2").tryQuery().isEmpty());
    }

    /** Breakpoint and paused-line marks get their colours from the theme (no inline style), and follow a switch. */
    @Test
    void debugMarksAreStyledByTheThemeAndGutterClicksReportTheLine(FxRobot robot) throws Exception {
        List<Integer> clicked = new ArrayList<>();
        fx(() -> {
            view.setText("a = 1\nb = 2\nc = 3");
            view.setDebugMarks(java.util.Set.of(1, 3), 3);
            view.setOnGutterClick(clicked::add);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Region breakpoint = robot.lookup("#gutterBreakpoint-1").query();
        Region paused = robot.lookup("#gutterPaused-3").query();
        assertEquals("", breakpoint.getStyle());
        assertEquals("", paused.getStyle());
        assertEquals(Color.web("#e03131"), fx(() -> fill(breakpoint)));
        assertEquals(Color.web("#f59f00"), fx(() -> fill(paused)), "the paused mark wins over the breakpoint on its line");
        assertTrue(fx(() -> paused.getShape() != null), "the paused mark is the theme's triangle");
        assertEquals(9.0, fx(() -> breakpoint.getWidth()), 0.01);

        fx(() -> view.getScene().getStylesheets().setAll(Theme.DARK.stylesheets()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.web("#db5c5c"), fx(() -> fill(breakpoint)));
        assertEquals(Color.web("#e0b25a"), fx(() -> fill(paused)));

        robot.clickOn(breakpoint);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1), fx(() -> List.copyOf(clicked)));
    }

    private static javafx.scene.paint.Paint fill(Region r) {
        r.applyCss();
        return r.getBackground().getFills().get(0).getFill();
    }

    @Test
    void completionOffersOperatorsWithTheirSchemas(FxRobot robot) throws Exception {
        robot.clickOn(view.codeArea());
        robot.write("y = torch.");
        waitFor(() -> fx(() -> !view.visibleCompletions().isEmpty()));
        robot.write("rel");
        waitFor(() -> fx(() -> view.visibleCompletions().size() == 1));
        CompletionItem relu = fx(() -> view.visibleCompletions().get(0));
        assertEquals("torch.relu", relu.label());
        assertEquals("aten::relu(Tensor self) -> Tensor", relu.detail());
        robot.type(KeyCode.ENTER);
        assertEquals("y = torch.relu", fx(() -> view.codeArea().getText()));
        assertTrue(fx(() -> view.visibleCompletions().isEmpty()));
    }

    @Test
    void replaceAllUndoAndGoToLine(FxRobot robot) throws Exception {
        fx(() -> {
            view.setText("a = x\nb = x\nc = x\n");
            return null;
        });
        fx(() -> {
            view.replaceAll("x", "y");
            return null;
        });
        assertEquals("a = y\nb = y\nc = y\n", fx(() -> view.codeArea().getText()));
        fx(() -> {
            view.undo();
            return null;
        });
        assertEquals("a = x\nb = x\nc = x\n", fx(() -> view.codeArea().getText()));
        fx(() -> {
            view.goToLine(3, 3);
            return null;
        });
        assertEquals(2, (int) fx(() -> view.codeArea().getCurrentParagraph()));
        assertEquals(2, (int) fx(() -> view.codeArea().getCaretColumn()));
    }

    @Test
    void editsRepaintExactlyTheStylesThatChanged(FxRobot robot) throws Exception {
        fx(() -> {
            view.setText("return x  # note\ny = 1\n");
            return null;
        });
        waitFor(() -> fx(() -> view.isHighlightCurrent() && view.codeArea().getStyleAtPosition(1).contains("keyword")));
        // Typing right after a keyword makes it an identifier; the inserted text must not keep the keyword style.
        fx(() -> {
            view.codeArea().insertText(6, "_value");
            return null;
        });
        waitFor(() -> fx(view::isHighlightCurrent));
        for (int i = 0; i < 12; i++) {
            int at = i;
            assertFalse(fx(() -> view.codeArea().getStyleOfChar(at).contains("keyword")), "char " + i);
        }
        // Closing the comment's line by deleting the '#' turns the rest into code.
        int hash = fx(() -> view.codeArea().getText().indexOf('#'));
        fx(() -> {
            view.codeArea().deleteText(hash, hash + 1);
            return null;
        });
        waitFor(() -> fx(view::isHighlightCurrent));
        assertFalse(fx(() -> view.codeArea().getStyleOfChar(hash + 2).contains("comment")));
        assertTrue(fx(() -> view.codeArea().getStyleOfChar(fx(() -> view.codeArea().getText().indexOf("1"))).contains("number")));
    }

    @Test
    void bracketUnderTheCaretIsMatched(FxRobot robot) throws Exception {
        fx(() -> {
            view.setText("f(a, (b))");
            view.codeArea().moveTo(1);
            return null;
        });
        waitFor(() -> fx(() -> view.codeArea().getStyleAtPosition(9).contains("bracket-match")));
        assertTrue(fx(() -> view.codeArea().getStyleAtPosition(2).contains("bracket-match")));
        assertFalse(fx(() -> view.codeArea().getStyleAtPosition(7).contains("bracket-match")));
    }
}
