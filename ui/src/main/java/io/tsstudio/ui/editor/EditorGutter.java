package io.tsstudio.ui.editor;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The code editor's gutter: line numbers, and one marker per line for its diagnostics (message on hover), a
 * breakpoint, or the line a stepped run is paused on. Colours and shapes come from the theme's style classes
 * ({@code gutter-error}, {@code gutter-breakpoint}, {@code gutter-paused}, {@code eof-error}). RichTextFX builds a
 * line's graphic when the line is shown, so every change installs a new factory over the current marks.
 */
final class EditorGutter {
    private final CodeArea area;
    private Map<Integer, List<Diagnostic>> diagnosticsByLine = Map.of();
    private int endOfInputErrorLine = -1;
    private Set<Integer> breakpointLines = Set.of();
    private int executionLine = -1;
    private IntConsumer onClick;

    EditorGutter(CodeArea area) {
        this.area = area;
        install();
    }

    /** Marks each diagnostic's line; one at the end of input on an empty last line gets an underline of its own. */
    void showDiagnostics(List<Diagnostic> diagnostics) {
        Map<Integer, List<Diagnostic>> byLine = new TreeMap<>();
        String text = area.getText();
        int lines = area.getParagraphs().size();
        int eof = -1;
        for (Diagnostic d : diagnostics) {
            // A line past the text (it changed since the check) is shown on the last line rather than nowhere.
            byLine.computeIfAbsent(Math.min(d.line(), lines), k -> new ArrayList<>()).add(d);
            if (d.startOffset(text) == text.length() && (text.isEmpty() || text.endsWith("\n"))) eof = lines;
        }
        diagnosticsByLine = byLine;
        endOfInputErrorLine = eof;
        install();
    }

    void setDebugMarks(Set<Integer> breakpoints, int pausedLine) {
        if (breakpoints.equals(breakpointLines) && pausedLine == executionLine) return;
        breakpointLines = Set.copyOf(breakpoints);
        executionLine = pausedLine;
        install();
    }

    void setOnClick(IntConsumer click) {
        onClick = click;
        install();
    }

    private void install() {
        area.setParagraphGraphicFactory(factory());
    }

    private IntFunction<Node> factory() {
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        // the factory runs later, when lines scroll into view: it reads the marks as they are now
        Map<Integer, List<Diagnostic>> byLine = diagnosticsByLine;
        int eofLine = endOfInputErrorLine;
        Set<Integer> breaks = breakpointLines;
        int paused = executionLine;
        IntConsumer click = onClick;
        return paragraph -> {
            int line = paragraph + 1;
            Region marker = new Region();
            marker.getStyleClass().add("gutter-marker");
            if (breaks.contains(line)) mark(marker, "gutter-breakpoint", "gutterBreakpoint-" + line);
            if (line == paused) mark(marker, "gutter-paused", "gutterPaused-" + line);
            List<Diagnostic> here = byLine.get(line);
            if (here != null) {
                mark(marker, "gutter-error", "gutterError-" + line);
                Tooltip.install(marker, new Tooltip(Diagnostic.messages(here)));
            }
            HBox box = new HBox(numbers.apply(paragraph), marker);
            box.setAlignment(Pos.CENTER_LEFT);
            if (here != null && line == eofLine) {
                box.getChildren().add(endOfInputUnderline(line, here));
                box.setAlignment(Pos.BOTTOM_LEFT);
            }
            box.getStyleClass().add("gutter");
            if (click != null) {
                box.setOnMouseClicked(e -> {
                    click.accept(line);
                    e.consume();
                });
            }
            return box;
        };
    }

    private static void mark(Region marker, String styleClass, String id) {
        marker.getStyleClass().add(styleClass);
        marker.setId(id);
    }

    /**
     * An error at the end of input, on the empty last line: there is no character to underline, so the underline is
     * drawn where column 1 starts, on that line of its own.
     */
    private static Region endOfInputUnderline(int line, List<Diagnostic> here) {
        Region underline = new Region();
        underline.getStyleClass().add("eof-error");
        underline.setId("eofError-" + line);
        underline.setMinSize(18, 2);
        underline.setPrefSize(18, 2);
        underline.setMaxSize(18, 2);
        HBox.setMargin(underline, new Insets(0, 0, 1, 3));
        Tooltip.install(underline, new Tooltip(Diagnostic.messages(here)));
        return underline;
    }
}
