package io.tsstudio.app.studio;

import io.tsstudio.ui.theme.Icons;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The bar above the editors that shows the studio's last error until the user closes it; hidden (and taking no space)
 * while there is none. Its colours are the theme's ({@code .error-banner} in both theme stylesheets).
 */
final class ErrorBanner extends HBox {
    private final Label text = new Label();

    ErrorBanner(ObservableStringValue lastError, Runnable dismiss) {
        super(8);
        getStyleClass().add("error-banner");
        text.setId("errorBanner");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("\u2715");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> dismiss.run());
        getChildren().addAll(Icons.get("error", 16, "icon-error"), text, close);
        setAlignment(Pos.CENTER_LEFT);
        show(lastError.get());
        lastError.addListener((o, was, now) -> show(now));
    }

    private void show(String error) {
        boolean any = error != null && !error.isEmpty();
        text.setText(any ? error : "");
        setVisible(any);
        setManaged(any);
    }
}
