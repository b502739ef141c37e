package io.tsstudio.ui.editor;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;

import java.util.Optional;

/** Find (Ctrl+F) and replace (Ctrl+H) above the code area; searches the area's text with {@link TextSearch}. */
final class FindReplaceBar extends VBox {
    private final CodeArea area;
    // A clear button (ControlsFX) empties the search in one click.
    private final TextField find = org.controlsfx.control.textfield.TextFields.createClearableTextField();
    private final TextField replace = new TextField();
    private final CheckBox matchCase = new CheckBox("Aa");
    private final CheckBox regex = new CheckBox(".*");
    private final Label status = new Label();
    private final HBox replaceRow;

    FindReplaceBar(CodeArea area) {
        this.area = area;
        getStyleClass().add("find-bar");
        setPadding(new Insets(4, 8, 4, 8));
        setSpacing(4);
        find.setId("findField");
        replace.setId("replaceField");
        find.setPromptText("Find");
        replace.setPromptText("Replace with");
        find.setPrefColumnCount(24);
        replace.setPrefColumnCount(24);
        matchCase.setTooltip(new javafx.scene.control.Tooltip("Match case"));
        regex.setTooltip(new javafx.scene.control.Tooltip("Regular expression"));
        Button next = button("Next", this::findNext);
        Button prev = button("Previous", this::findPrevious);
        Button close = button("\u2715", this::close);
        close.getStyleClass().add("flat");
        Button one = button("Replace", this::replaceOne);
        Button all = button("Replace all", this::replaceAll);
        all.setId("replaceAllButton");
        HBox findRow = new HBox(6, find, next, prev, matchCase, regex, status, close);
        findRow.setAlignment(Pos.CENTER_LEFT);
        replaceRow = new HBox(6, replace, one, all);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(findRow, replaceRow);
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) findPrevious();
                else findNext();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) close();
        });
        replace.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) replaceOne();
            else if (e.getCode() == KeyCode.ESCAPE) close();
        });
        find.textProperty().addListener((o, a, b) -> updateCount());
        setVisible(false);
        setManaged(false);
    }

    void open(boolean withReplace) {
        replaceRow.setVisible(withReplace);
        replaceRow.setManaged(withReplace);
        setVisible(true);
        setManaged(true);
        String sel = area.getSelectedText();
        if (!sel.isEmpty() && !sel.contains("\n")) find.setText(sel);
        find.requestFocus();
        find.selectAll();
    }

    void close() {
        setVisible(false);
        setManaged(false);
        area.requestFocus();
    }

    private Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private Optional<TextSearch> search() {
        if (find.getText().isEmpty()) return Optional.empty();
        try {
            status.setText("");
            return Optional.of(new TextSearch(find.getText(), matchCase.isSelected(), regex.isSelected()));
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return Optional.empty();
        }
    }

    void findNext() {
        search().ifPresent(s -> select(s.next(area.getText(), area.getSelection().getEnd())));
    }

    void findPrevious() {
        search().ifPresent(s -> select(s.previous(area.getText(), area.getSelection().getStart())));
    }

    private void select(Optional<TextSearch.Match> m) {
        if (m.isEmpty()) {
            status.setText("No matches");
            return;
        }
        area.selectRange(m.get().start(), m.get().end());
        area.requestFollowCaret();
        updateCount();
    }

    void replaceOne() {
        search().ifPresent(s -> {
            String selected = area.getSelectedText();
            if (!selected.isEmpty() && s.count(selected) > 0) {
                area.replaceSelection(s.replacementFor(selected, replace.getText(), regex.isSelected()));
            }
            findNext();
        });
    }

    void replaceAll() {
        search().ifPresent(s -> {
            int n = s.count(area.getText());
            if (n == 0) {
                status.setText("No matches");
                return;
            }
            area.getUndoManager().preventMerge();
            area.replaceText(s.replaceAll(area.getText(), replace.getText(), regex.isSelected()));
            area.getUndoManager().preventMerge();
            status.setText("Replaced " + n);
        });
    }

    private void updateCount() {
        search().ifPresent(s -> {
            int n = s.count(area.getText());
            status.setText(n == 0 ? "No matches" : n + (n == 1 ? " match" : " matches"));
        });
    }

    void setQuery(String findText, String replaceText) {
        find.setText(findText);
        replace.setText(replaceText);
    }
}
