package io.tsstudio.ui.editor;

import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.LatestResultWorker;
import io.tsstudio.ui.concurrent.TaskRunner;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * The TorchScript editor for one buffer: a RichTextFX {@link CodeArea} with line numbers and error markers in the
 * gutter, highlighting computed off the FX thread from a text snapshot (stale results dropped), error squiggles with
 * the message on hover, completion, auto-indent, bracket matching, find/replace and go-to-line. Binds to an
 * {@link EditorViewModel}; all decisions live in pure helpers (lexer, completion, quick fixes) so this class stays a
 * thin view.
 */
public final class CodeEditorView extends BorderPane implements AutoCloseable {
    private final EditorViewModel viewModel;
    private final CodeArea area = new CodeArea();
    private final EditorGutter gutter;
    private final FindReplaceBar findBar;
    private final CompletionProvider completionProvider;
    private final CompletionPopup completion;
    private final Popup hover = new Popup();
    /** Every editor view highlights on the shared I/O lane: no thread per open buffer. */
    private static final TaskRunner HIGHLIGHTING = TaskRunner.forJavaFx();
    private final LatestResultWorker<String, StyleSpans<Collection<String>>> highlighter;
    private StyleSpans<Collection<String>> baseStyles;
    private StyleSpans<Collection<String>> appliedStyles;
    // Text edits since the styling was last applied: from the first edit's start, to the last edit's end (counted
    // from the end of the text, which later edits before it do not move).
    private int editFrom = Integer.MAX_VALUE;
    private int editEndFromEnd = Integer.MAX_VALUE;
    private List<StyledRange> bracketRanges = List.of();
    private long highlightRevision;
    private long appliedHighlightRevision;

    public CodeEditorView(EditorViewModel viewModel, CompletionProvider completionProvider) {
        this.viewModel = viewModel;
        this.completionProvider = completionProvider;
        getStyleClass().add("code-editor");
        area.getStyleClass().add("ts-code");
        area.setId("codeArea");
        area.replaceText(viewModel.text());
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        // replaceText scrolled the view to the end of the text; a buffer opens showing its top
        area.requestFollowCaret();
        area.setEditable(!viewModel.isReadOnly());
        gutter = new EditorGutter(area);
        findBar = new FindReplaceBar(area);
        completion = new CompletionPopup(this::acceptCompletion);
        completion.forwardKeys(this::onPopupKeyPressed, this::onPopupKeyTyped);
        highlighter = HIGHLIGHTING.latest(Lane.IO, TorchScriptHighlighter::computeStyles, this::applyHighlight);
        setTop(findBar);
        setCenter(new VirtualizedScrollPane<>(area));

        area.plainTextChanges().subscribe(c -> {
            editFrom = Math.min(editFrom, c.getPosition());
            editEndFromEnd = Math.min(editEndFromEnd, area.getLength() - c.getInsertionEnd());
        });
        area.multiPlainChanges().subscribe(changes -> onTextEdited());
        area.caretPositionProperty().addListener((o, a, b) -> updateBracketMatch());
        viewModel.diagnostics().addListener((ListChangeListener<Diagnostic>) c -> onDiagnosticsChanged());
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        area.setMouseOverTextDelay(Duration.ofMillis(350));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> showHoverAt(e.getCharacterIndex(), e.getScreenPosition()));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
        hover.setAutoHide(true);
        area.focusedProperty().addListener((o, was, is) -> {
            if (!is && !completion.isShowing()) hover.hide();
        });
        viewModel.onReplaceText(t -> {
            if (!t.equals(area.getText())) area.replaceText(t);
        });
        requestHighlight();
        viewModel.requestCheck();
    }

    public CodeArea codeArea() {
        return area;
    }

    public EditorViewModel viewModel() {
        return viewModel;
    }

    // ---- text changes, highlighting, diagnostics ------------------------------------------------------------

    private void onTextEdited() {
        viewModel.textChanged(area.getText());
        requestHighlight();
        if (completion.isShowing()) refreshCompletion(false);
        else if (CompletionContext.triggersAutomatically(area.getText(), area.getCaretPosition())) refreshCompletion(true);
    }

    private void requestHighlight() {
        highlightRevision = highlighter.submit(area.getText(), 0);
    }

    private void applyHighlight(StyleSpans<Collection<String>> spans) {
        if (spans.length() != area.getLength()) return; // a newer edit is on its way
        baseStyles = spans;
        appliedHighlightRevision = highlightRevision;
        restyle();
    }

    /** The revision of the latest highlighting request that has been painted (for tests and the benchmark). */
    public boolean isHighlightCurrent() {
        return appliedHighlightRevision == highlightRevision && baseStyles != null && baseStyles.length() == area.getLength();
    }

    private void restyle() {
        if (baseStyles == null || baseStyles.length() != area.getLength()) return;
        String text = area.getText();
        List<StyledRange> extras = new ArrayList<>(bracketRanges);
        for (Diagnostic d : viewModel.diagnostics()) {
            int from = d.startOffset(text), to = d.endOffset(text);
            if (to <= from && from > 0 && text.charAt(from - 1) != '\n') from--; // at the end of input: underline the last character
            if (to <= from) continue; // at the end of input on an empty line: the gutter draws the mark (EditorGutter)
            extras.add(new StyledRange(from, Math.max(to, from + 1), d.severity() == Diagnostic.Severity.ERROR ? "error-range" : "warning-range"));
        }
        StyleSpans<Collection<String>> combined = StyleLayers.combine(baseStyles, extras);
        if (appliedStyles == null) {
            area.setStyleSpans(0, combined);
        } else {
            // Repaint only what changed since the last styling; the area keeps the rest (shifted by the edit).
            SpanDiff.Range r = SpanDiff.changed(appliedStyles, combined, editFrom, editEndFromEnd);
            if (!r.isEmpty()) area.setStyleSpans(r.from(), combined.subView(r.from(), r.to()));
        }
        appliedStyles = combined;
        editFrom = Integer.MAX_VALUE;
        editEndFromEnd = Integer.MAX_VALUE;
    }

    private void onDiagnosticsChanged() {
        gutter.showDiagnostics(viewModel.diagnostics());
        restyle();
    }

    /** Marks breakpoints (1-based lines) in the gutter and the line a stepped run is paused on (-1 for none). */
    public void setDebugMarks(java.util.Set<Integer> breakpoints, int pausedLine) {
        gutter.setDebugMarks(breakpoints, pausedLine);
    }

    /** A click in the gutter (a 1-based line): where breakpoints are set; null turns it off. */
    public void setOnGutterClick(java.util.function.IntConsumer click) {
        gutter.setOnClick(click);
    }

    /** The diagnostic under a character offset, if any. */
    public List<Diagnostic> diagnosticsAt(int offset) {
        String text = area.getText();
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : viewModel.diagnostics()) {
            if (offset >= d.startOffset(text) && offset < Math.max(d.endOffset(text), d.startOffset(text) + 1)) out.add(d);
        }
        return out;
    }

    private void showHoverAt(int offset, Point2D screen) {
        List<Diagnostic> here = diagnosticsAt(offset);
        if (here.isEmpty()) return;
        VBox box = new VBox(4);
        box.getStyleClass().addAll("root", "hover-popup");
        box.setPadding(new Insets(6, 10, 6, 10));
        Label message = new Label(Diagnostic.messages(here));
        message.setWrapText(true);
        message.setMaxWidth(600);
        message.setId("hoverMessage");
        box.getChildren().add(message);
        for (Diagnostic d : here) {
            for (QuickFix fix : QuickFix.forDiagnostic(area.getText(), d)) {
                Hyperlink link = new Hyperlink("Quick fix: " + fix.title());
                link.setOnAction(e -> {
                    applyQuickFix(fix);
                    hover.hide();
                });
                box.getChildren().add(link);
            }
        }
        hover.getContent().setAll(box);
        hover.show(area, screen.getX() + 8, screen.getY() + 14);
    }

    /** Applies the quick fixes offered for the diagnostics on the caret's line; returns how many were applied. */
    public int applyQuickFixesAtCaret() {
        int line = area.getCurrentParagraph() + 1;
        String text = area.getText();
        List<QuickFix> fixes = new ArrayList<>();
        for (Diagnostic d : viewModel.diagnostics()) if (d.line() == line) fixes.addAll(QuickFix.forDiagnostic(text, d));
        fixes.sort((a, b) -> Integer.compare(b.start(), a.start()));
        int last = Integer.MAX_VALUE;
        int applied = 0;
        for (QuickFix f : fixes) {
            if (f.start() >= last) continue;
            applyQuickFix(f);
            last = f.start();
            applied++;
        }
        return applied;
    }

    private void applyQuickFix(QuickFix fix) {
        area.getUndoManager().preventMerge();
        area.replaceText(fix.start(), fix.end(), fix.replacement());
    }

    // ---- keys: completion, indentation, quick fix ------------------------------------------------------------

    private void onKeyPressed(KeyEvent e) {
        if (completion.isShowing()) {
            switch (e.getCode()) {
                case UP -> { completion.move(-1); e.consume(); return; }
                case DOWN -> { completion.move(1); e.consume(); return; }
                case ENTER, TAB -> {
                    if (completion.selected() != null) {
                        acceptCompletion(completion.selected());
                        e.consume();
                        return;
                    }
                }
                case ESCAPE -> { completion.hide(); e.consume(); return; }
                default -> { }
            }
        }
        if (!area.isEditable()) return;
        if (e.getCode() == KeyCode.SPACE && e.isShortcutDown()) {
            refreshCompletion(true);
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && e.isAltDown()) {
            applyQuickFixesAtCaret();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
            String indent = AutoIndent.indentAfterBreak(area.getText(), area.getCaretPosition());
            area.replaceSelection("\n" + indent);
            area.requestFollowCaret();
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown() && dedentAtCaret()) {
            e.consume();
        } else if (e.getCode() == KeyCode.TAB && !e.isShortcutDown()) {
            if (e.isShiftDown()) dedentCurrentLine();
            else area.replaceSelection(AutoIndent.UNIT);
            e.consume();
        }
    }

    private void onPopupKeyPressed(KeyEvent e) {
        onKeyPressed(e);
        if (e.isConsumed()) return;
        if (e.getCode() == KeyCode.BACK_SPACE) {
            area.deletePreviousChar();
            e.consume();
        } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
            completion.hide();
        }
    }

    private void onPopupKeyTyped(KeyEvent e) {
        String ch = e.getCharacter();
        if (!ch.isEmpty() && !Character.isISOControl(ch.charAt(0)) && !e.isShortcutDown()) {
            area.replaceSelection(ch);
            e.consume();
        }
    }

    /**
     * Backspace with the caret in a line's leading spaces removes back to the previous indent stop (one level), as in
     * Python editors. False (a normal backspace) with a selection or anything but spaces before the caret.
     */
    private boolean dedentAtCaret() {
        if (area.getSelection().getLength() > 0) return false;
        int col = area.getCaretColumn();
        if (col == 0) return false;
        String before = area.getParagraph(area.getCurrentParagraph()).getText().substring(0, col);
        if (!before.isBlank() || before.indexOf('\t') >= 0) return false;
        int unit = AutoIndent.UNIT.length();
        int remove = col % unit == 0 ? unit : col % unit;
        area.deleteText(area.getCaretPosition() - remove, area.getCaretPosition());
        return true;
    }

    private void dedentCurrentLine() {
        int par = area.getCurrentParagraph();
        String line = area.getParagraph(par).getText();
        int n = 0;
        while (n < AutoIndent.UNIT.length() && n < line.length() && line.charAt(n) == ' ') n++;
        if (n > 0) area.deleteText(par, 0, par, n);
    }

    /** Opens or refreshes the completion list for the caret position. */
    public void showCompletion() {
        refreshCompletion(true);
    }

    /** What the completion list offers right now (empty when hidden). */
    public List<CompletionItem> visibleCompletions() {
        return completion.isShowing() ? completion.items() : List.of();
    }

    private void refreshCompletion(boolean open) {
        String text = area.getText();
        int caret = area.getCaretPosition();
        CompletionContext ctx = CompletionContext.at(text, caret);
        if (ctx.qualifier().isEmpty() && ctx.prefix().isEmpty()) {
            completion.hide();
            return;
        }
        List<CompletionItem> items = completionProvider.complete(ctx);
        if (items.isEmpty() || (!open && !completion.isShowing())) {
            completion.hide();
            return;
        }
        Bounds caretBounds = area.getCaretBounds().orElse(null);
        if (caretBounds == null || getScene() == null) return;
        completion.show(getScene().getWindow(), items, caretBounds.getMinX(), caretBounds.getMaxY() + 2);
    }

    private void acceptCompletion(CompletionItem item) {
        CompletionContext ctx = CompletionContext.at(area.getText(), area.getCaretPosition());
        area.replaceText(ctx.replaceFrom(), area.getCaretPosition(), item.insertText());
        completion.hide();
    }

    // ---- brackets, find, go to line -------------------------------------------------------------------------

    private void updateBracketMatch() {
        String text = area.getText();
        List<StyledRange> ranges = List.of();
        OptionalInt at = BracketMatcher.bracketNear(text, area.getCaretPosition());
        if (at.isPresent()) {
            OptionalInt match = BracketMatcher.findMatch(text, at.getAsInt());
            if (match.isPresent()) {
                ranges = List.of(new StyledRange(at.getAsInt(), at.getAsInt() + 1, "bracket-match"),
                        new StyledRange(match.getAsInt(), match.getAsInt() + 1, "bracket-match"));
            }
        }
        if (!ranges.equals(bracketRanges)) {
            bracketRanges = ranges;
            restyle();
        }
    }

    public void showFind() {
        findBar.open(false);
    }

    public void showReplace() {
        findBar.open(true);
    }

    /** Find/replace without the keyboard, for menus and tests. */
    public void replaceAll(String find, String replacement) {
        findBar.setQuery(find, replacement);
        findBar.replaceAll();
    }

    /** Moves the caret to a 1-based line and column, scrolls it into view and gives the editor the keyboard. */
    public void goToLine(int line, int column) {
        revealLine(line, column);
        area.requestFocus();
    }

    /**
     * Moves the caret to a 1-based line and column and scrolls it into view, leaving the keyboard focus where it is:
     * a selection in the graph shows its code while the graph's keys (+, F, arrows) keep working on the graph.
     */
    public void revealLine(int line, int column) {
        int par = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        int col = Math.max(0, Math.min(column - 1, area.getParagraphLength(par)));
        area.moveTo(par, col);
        area.requestFollowCaret();
    }

    /** Asks for a line (and optional column) and moves there. */
    public void promptGoToLine() {
        TextInputDialog dialog = new TextInputDialog((area.getCurrentParagraph() + 1) + "");
        dialog.setTitle("Go to line");
        dialog.setHeaderText(null);
        dialog.setContentText("Line[:column] (1-" + area.getParagraphs().size() + "):");
        if (getScene() != null) dialog.initOwner(getScene().getWindow());
        dialog.showAndWait()
                .flatMap(s -> GoToLine.parse(s, area.getParagraphs().size()))
                .ifPresent(t -> goToLine(t.line(), t.column()));
    }

    public void undo() {
        area.undo();
    }

    public void redo() {
        area.redo();
    }

    /** Replaces the whole text (e.g. when a recovered or reloaded version arrives), as one undoable edit. */
    public void setText(String text) {
        area.getUndoManager().preventMerge();
        area.replaceText(text);
        area.getUndoManager().preventMerge();
    }

    @Override
    public void close() {
        highlighter.close();
        completion.hide();
        hover.hide();
        viewModel.close();
    }
}
