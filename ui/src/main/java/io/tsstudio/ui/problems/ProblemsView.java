package io.tsstudio.ui.problems;

import io.tsstudio.ui.theme.Icons;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.util.function.Consumer;

/** The problems list: one row per diagnostic; double-click (or Enter) jumps to it. */
public final class ProblemsView extends BorderPane {
    private final TableView<Problem> table = new TableView<>();

    @SuppressWarnings("unchecked")
    public ProblemsView(ProblemsViewModel viewModel, Consumer<Problem> onOpen) {
        table.setId("problemsTable");
        table.getStyleClass().add("problems-table");
        table.setItems(viewModel.problems());
        table.setPlaceholder(new Label("No problems"));
        TableColumn<Problem, Problem> icon = new TableColumn<>("");
        icon.setPrefWidth(28);
        icon.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        icon.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Problem item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : Icons.get("error", 14, "icon-error"));
            }
        });
        TableColumn<Problem, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().diagnostic().message()));
        message.setPrefWidth(620);
        TableColumn<Problem, String> where = new TableColumn<>("Location");
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().location()));
        where.setPrefWidth(260);
        // The location is never cut: it is as wide as its longest text, and the message takes the rest of the row.
        javafx.beans.binding.DoubleBinding whereWidth = javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text();
            probe.setFont(javafx.scene.text.Font.font("DejaVu Sans Mono", 12));
            double w = 0;
            for (Problem p : viewModel.problems()) {
                probe.setText(p.location());
                w = Math.max(w, probe.getLayoutBounds().getWidth());
            }
            return Math.max(200, w + 28);
        }, viewModel.problems());
        where.prefWidthProperty().bind(whereWidth);
        message.prefWidthProperty().bind(javafx.beans.binding.Bindings.max(300, table.widthProperty().subtract(whereWidth).subtract(28 + 20)));
        table.getColumns().addAll(icon, message, where);
        table.setRowFactory(t -> {
            TableRow<Problem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) onOpen.accept(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                onOpen.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        setCenter(table);
    }

    public TableView<Problem> table() {
        return table;
    }
}
