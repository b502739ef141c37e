package io.tsstudio.app.studio;

import io.tsstudio.ui.theme.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What the main window shows where nothing is open yet: the welcome text and the empty dock slots. */
final class Placeholders {
    private Placeholders() {
    }

    static Node placeholder(String icon, String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("placeholder-title");
        Label s = new Label(text);
        s.getStyleClass().add("placeholder-text");
        s.setWrapText(true);
        VBox box = new VBox(10, Icons.get(icon, 40), t, s);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(20));
        return box;
    }

    static Node welcome() {
        Label title = new Label("TorchScript Studio");
        title.getStyleClass().add("placeholder-title");
        Label hint = new Label("Open a .pt model or a TorchScript script (Ctrl+O), drop files here,\nor start a new script (Ctrl+N).");
        hint.getStyleClass().add("placeholder-text");
        hint.setWrapText(true);
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(10, title, hint);
        box.setPadding(new Insets(16));
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true);
        return box;
    }
}
