package io.tsstudio.ui.console;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;

/** The log console panel: newest line at the bottom, coloured by level, follows new output. */
public final class ConsoleView extends BorderPane {
    private final ListView<LogEntry> list = new ListView<>();

    public ConsoleView(LogConsole console) {
        list.setId("consoleList");
        list.getStyleClass().add("console-list");
        list.setItems(console.entries());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LogEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("log-info", "log-warning", "log-error");
                if (empty || item == null) {
                    setText(null);
                } else {
                    setText(item.toString());
                    getStyleClass().add("log-" + item.level().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        console.entries().addListener((ListChangeListener<LogEntry>) c -> list.scrollTo(Math.max(0, console.entries().size() - 1)));
        MenuItem copy = new MenuItem("Copy all");
        copy.setOnAction(e -> {
            StringBuilder sb = new StringBuilder();
            console.entries().forEach(l -> sb.append(l).append('\n'));
            ClipboardContent content = new ClipboardContent();
            content.putString(sb.toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        MenuItem clear = new MenuItem("Clear");
        clear.setOnAction(e -> console.clear());
        list.setContextMenu(new ContextMenu(copy, clear));
        setCenter(list);
    }
}
