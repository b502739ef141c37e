package io.tsstudio.ui.observe;

import io.tsstudio.engine.observe.Observation;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.function.Consumer;

/** Modules and operators by self time, total time and calls; a row (double click or Enter) jumps to its node. */
public final class HotSpotsView extends TableView<HotSpot> {
    private Consumer<HotSpot> onJump = h -> { };

    public HotSpotsView() {
        setId("hotSpots");
        setPlaceholder(new javafx.scene.control.Label("Run the model with Observe on to see where the time goes."));
        getColumns().add(text("", h -> h.module() ? "module" : "op", 60));
        getColumns().add(text("name", HotSpot::name, 220));
        getColumns().add(text("in", HotSpot::where, 140));
        getColumns().add(number("self", HotSpot::selfNanos));
        getColumns().add(number("total", HotSpot::totalNanos));
        TableColumn<HotSpot, Long> calls = new TableColumn<>("calls");
        calls.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().calls()));
        calls.setPrefWidth(60);
        getColumns().add(calls);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setRowFactory(t -> {
            TableRow<HotSpot> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) onJump.accept(row.getItem());
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                onJump.accept(getSelectionModel().getSelectedItem());
            }
        });
    }

    public void show(Observation o) {
        getItems().setAll(o == null ? java.util.List.of() : HotSpotsViewModel.rows(o));
    }

    public void setOnJump(Consumer<HotSpot> jump) {
        onJump = jump == null ? h -> { } : jump;
    }

    private static TableColumn<HotSpot, String> text(String title, java.util.function.Function<HotSpot, String> f, double width) {
        TableColumn<HotSpot, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Times sort as numbers and show as milliseconds. */
    private static TableColumn<HotSpot, Long> number(String title, java.util.function.ToLongFunction<HotSpot> f) {
        TableColumn<HotSpot, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.applyAsLong(cell.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : ObservationIndex.millis(v));
            }
        });
        c.setPrefWidth(80);
        return c;
    }
}
