package io.tsstudio.ui.run;

import io.tsstudio.engine.run.TensorSummary;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Pagination;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** One tensor: its summary (shape, dtype, device, statistics), a paged table of its values, and its histogram. */
final class TensorDetailView extends VBox {
    static final int PAGE_ROWS = 100;

    private record Row(String index, String value) {
    }

    /** Key-value pairs that wrap to the width: the panel may sit in a narrow dock. */
    private final FlowPane summary = new FlowPane(14, 2);
    private final Pagination pages = new Pagination(1, 0);
    private final TableView<Row> table = new TableView<>();
    private final HistogramView histogram = new HistogramView();
    private final Label note = new Label();
    private TensorSummary shown;

    TensorDetailView() {
        setSpacing(6);
        getStyleClass().add("tensor-detail");
        summary.setId("tensorSummary");
        TableColumn<Row, String> index = new TableColumn<>("index");
        index.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().index()));
        index.setPrefWidth(110);
        TableColumn<Row, String> value = new TableColumn<>("value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(160);
        table.getColumns().add(index);
        table.getColumns().add(value);
        table.setId("valuesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pages.setPageFactory(this::page);
        pages.setMaxPageIndicatorCount(7);
        pages.setId("valuesPages");
        histogram.setId("histogram");
        note.getStyleClass().add("run-note");
        note.setWrapText(true);
        Tab values = new Tab("Values", new VBox(4, pages, note));
        Tab hist = new Tab("Histogram", histogram);
        TabPane tabs = new TabPane(values, hist);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox.setVgrow(pages, Priority.ALWAYS);
        getChildren().addAll(summary, tabs);
        setPadding(new Insets(4));
    }

    void show(TensorSummary t) {
        shown = t;
        summary.getChildren().clear();
        String[][] facts = {
                {"shape", ValueFormat.shape(t.shape())}, {"dtype", t.dtype()}, {"device", t.device()},
                {"min", ValueFormat.number(t.min())}, {"max", ValueFormat.number(t.max())},
                {"mean", ValueFormat.number(t.mean())}, {"std", ValueFormat.number(t.std())},
                {"NaN", Long.toString(t.nanCount())}, {"Inf", Long.toString(t.infCount())}};
        for (String[] fact : facts) {
            Label k = new Label(fact[0]);
            k.getStyleClass().add("run-key");
            k.setMinWidth(Region.USE_PREF_SIZE);
            Label v = new Label(fact[1]);
            v.setId("summary-" + fact[0]);
            v.getStyleClass().add("run-value");
            v.setMinWidth(Region.USE_PREF_SIZE);
            HBox pair = new HBox(5, k, v);
            pair.setMinWidth(Region.USE_PREF_SIZE);
            summary.getChildren().add(pair);
        }
        int n = t.values().length;
        pages.setPageCount(Math.max(1, (n + PAGE_ROWS - 1) / PAGE_ROWS));
        pages.setCurrentPageIndex(0);
        pages.setPageFactory(this::page);
        note.setText(t.truncated() ? "The table shows the first " + n + " of " + t.numel() + " values; statistics and histogram cover all." : "");
        note.setManaged(t.truncated());
        note.setVisible(t.truncated());
        histogram.show(t.histogram(), t.min(), t.max());
    }

    private TableView<Row> page(int index) {
        List<Row> rows = new ArrayList<>();
        if (shown != null) {
            double[] v = shown.values();
            for (int i = index * PAGE_ROWS; i < Math.min(v.length, (index + 1) * PAGE_ROWS); i++) {
                rows.add(new Row(ValueFormat.index(i, shown.shape()), ValueFormat.value(v[i], shown.dtype())));
            }
        }
        table.getItems().setAll(rows);
        return table;
    }
}
