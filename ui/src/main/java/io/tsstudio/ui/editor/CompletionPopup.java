package io.tsstudio.ui.editor;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Consumer;

/** The completion list under the caret: proposals on the left, the selected one's schema below. */
final class CompletionPopup {
    private final Popup popup = new Popup();
    private final ListView<CompletionItem> list = new ListView<>();
    private final Label detail = new Label();
    private VBox content;

    CompletionPopup(Consumer<CompletionItem> onAccept) {
        list.setId("completionList");
        list.setPrefSize(560, 220);
        list.setCellFactory(v -> new ItemCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected() != null) onAccept.accept(selected());
        });
        detail.getStyleClass().add("completion-detail");
        detail.setWrapText(true);
        detail.setMaxWidth(560);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> detail.setText(item == null ? "" : item.detail()));
        list.setFocusTraversable(false);
        VBox box = new VBox(list, detail);
        this.content = box;
        // "root" gives the popup the theme's looked-up colours (a popup scene has no .root of its own).
        box.getStyleClass().addAll("root", "completion-popup");
        popup.getContent().add(box);
        popup.setAutoHide(true);
    }

    void show(Window owner, List<CompletionItem> items, double screenX, double screenY) {
        list.getItems().setAll(items);
        // As tall as the proposals need, up to ten rows: a short list should not hide the code below it.
        list.setPrefHeight(Math.min(10, Math.max(1, items.size())) * 21.5 + 4);
        if (!items.isEmpty()) list.getSelectionModel().select(0);
        list.scrollTo(0);
        if (!popup.isShowing()) popup.show(owner, screenX, screenY);
        else {
            popup.setX(screenX);
            popup.setY(screenY);
        }
    }

    /**
     * Key events that reach the popup (a popup window may hold the focus on some platforms) go to these handlers,
     * so navigation and typing keep working as if the editor had them.
     */
    void forwardKeys(javafx.event.EventHandler<javafx.scene.input.KeyEvent> pressed, javafx.event.EventHandler<javafx.scene.input.KeyEvent> typed) {
        content.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, pressed);
        content.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, typed);
    }

    void hide() {
        popup.hide();
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    List<CompletionItem> items() {
        return List.copyOf(list.getItems());
    }

    CompletionItem selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    void move(int delta) {
        int n = list.getItems().size();
        if (n == 0) return;
        int i = Math.floorMod(list.getSelectionModel().getSelectedIndex() + delta, n);
        list.getSelectionModel().select(i);
        list.scrollTo(Math.max(0, i - 3));
    }

    private static final class ItemCell extends ListCell<CompletionItem> {
        private final Label name = new Label();
        private final Label info = new Label();
        private final HBox box = new HBox(10, name, info);

        ItemCell() {
            name.getStyleClass().add("completion-name");
            info.getStyleClass().add("completion-info");
            HBox.setHgrow(info, Priority.ALWAYS);
            info.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(CompletionItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.label());
            info.setText(item.detail());
            setGraphic(box);
        }
    }
}
