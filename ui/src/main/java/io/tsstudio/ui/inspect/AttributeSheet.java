package io.tsstudio.ui.inspect;

import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

import java.util.Optional;

/**
 * The attributes of the module selected in the inspector, read-only, as a ControlsFX {@link PropertySheet}: one item
 * per non-tensor attribute ({@code training}, {@code eps}, ...), its type as the description.
 */
final class AttributeSheet extends PropertySheet {
    AttributeSheet() {
        setId("attributeSheet");
        setMode(Mode.NAME);
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        setVisible(false);
        setManaged(false);
    }

    /** Shows {@code module}'s attributes; hides the sheet for null or a module without attributes. */
    void show(ModuleEntry module) {
        if (module == null || module.attributes().isEmpty()) {
            getItems().clear();
            setVisible(false);
            setManaged(false);
            return;
        }
        getItems().setAll(module.attributes().stream().map(a -> (Item) new AttributeItem(a)).toList());
        setVisible(true);
        setManaged(true);
    }

    private record AttributeItem(AttributeEntry attribute) implements Item {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return "Attributes";
        }

        @Override
        public String getName() {
            return attribute.name();
        }

        @Override
        public String getDescription() {
            return attribute.type();
        }

        @Override
        public Object getValue() {
            return attribute.value();
        }

        @Override
        public void setValue(Object value) {
            throw new UnsupportedOperationException("module attributes are read-only in the inspector");
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public boolean isEditable() {
            return false;
        }
    }
}
