package io.tsstudio.ui.grapheditor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The graph editor's one status line: the last thing that happened, and whether it was a failure or refusal. */
final class StatusLine {
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty isError = new SimpleBooleanProperty();

    ReadOnlyStringProperty textProperty() {
        return text;
    }

    BooleanProperty isErrorProperty() {
        return isError;
    }

    String text() {
        return text.get();
    }

    void info(String message) {
        isError.set(false);
        text.set(message);
    }

    void error(String message) {
        isError.set(true);
        text.set(message);
    }
}
