package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.Block;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

import java.util.List;
import java.util.Optional;

/**
 * The selected block's settings as a ControlsFX {@link PropertySheet}, one item per {@link PropertyRow} of the view
 * model. A value is applied when the field is committed (Enter, or leaving it), not per keystroke: a half-typed
 * literal ("[1, ") is no value. The issues of the block follow the sheet.
 */
final class BlockPropertiesView extends VBox {
    private final GraphEditorViewModel vm;
    private final Label header = new Label();
    private final PropertySheet sheet = new PropertySheet();
    private final VBox issues = new VBox(4);

    BlockPropertiesView(GraphEditorViewModel vm) {
        super(6);
        this.vm = vm;
        setId("properties");
        setPadding(new Insets(6));
        sheet.setId("propertySheet");
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPropertyEditorFactory(item -> new CommitOnEnter((RowItem) item));
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(header, sheet, issues);
    }

    /** Shows the single selected block's rows, or a hint. */
    void refresh() {
        issues.getChildren().clear();
        Optional<Block> sel = vm.singleSelection();
        if (sel.isEmpty()) {
            header.setText(vm.selection().isEmpty() ? "Select a block to edit its settings." : vm.selection().size() + " blocks selected.");
            sheet.getItems().clear();
            sheet.setVisible(false);
            return;
        }
        header.setText(sel.get().kind().name().toLowerCase() + "  " + sel.get().type());
        sheet.setVisible(true);
        List<PropertyRow> rows = vm.properties();
        sheet.getItems().setAll(rows.stream().map(r -> (PropertySheet.Item) new RowItem(r)).toList());
        for (String i : vm.issues(sel.get())) {
            Label l = new Label("\u26a0 " + i);
            l.setWrapText(true);
            l.getStyleClass().add("log-error");
            issues.getChildren().add(l);
        }
    }

    PropertySheet sheet() {
        return sheet;
    }

    /** One row as a sheet item: its value is the row's text; setting it applies the text through the view model. */
    private final class RowItem implements PropertySheet.Item {
        private final PropertyRow row;

        RowItem(PropertyRow row) {
            this.row = row;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return "Settings";
        }

        @Override
        public String getName() {
            return row.key();
        }

        @Override
        public String getDescription() {
            return row.type() + (row.note().isEmpty() ? "" : " \u2014 " + row.note());
        }

        @Override
        public Object getValue() {
            return row.text();
        }

        @Override
        public void setValue(Object value) {
            String text = value == null ? "" : value.toString();
            if (!text.equals(row.text())) vm.setProperty(row.key(), text);
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public boolean isEditable() {
            return row.editable();
        }
    }

    /** A text field whose value is what was last committed (Enter, or leaving the field), not every keystroke. */
    private static final class CommitField extends TextField {
        private final StringProperty committed = new SimpleStringProperty();

        CommitField() {
            setOnAction(e -> committed.set(getText()));
            focusedProperty().addListener((o, was, now) -> {
                if (!now) committed.set(getText());
            });
        }
    }

    /** The sheet's editor for a row: a {@link CommitField}. */
    private static final class CommitOnEnter extends AbstractPropertyEditor<String, CommitField> {
        CommitOnEnter(RowItem item) {
            super(item, new CommitField(), !item.isEditable());
            CommitField field = getEditor();
            field.setId("prop-" + item.getName());
            field.setPromptText(item.row.note());
            field.setTooltip(new Tooltip(item.getDescription()));
            field.setDisable(!item.isEditable());
        }

        @Override
        protected ObservableValue<String> getObservableValue() {
            return getEditor().committed;
        }

        @Override
        public void setValue(String value) {
            getEditor().committed.set(value);
            getEditor().setText(value);
        }
    }
}
