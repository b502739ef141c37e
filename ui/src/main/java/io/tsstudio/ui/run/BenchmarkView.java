package io.tsstudio.ui.run;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** Benchmark results: one row per run (device, callers), and a chart of p50/p90/p99 latency to compare them. */
final class BenchmarkView extends SplitPane {
    private final TableView<BenchmarkResult> table = new TableView<>();
    private final BarChart<String, Number> chart;

    BenchmarkView(ObservableList<BenchmarkResult> results) {
        table.setId("benchmarkTable");
        table.setItems(results);
        column("method", 80, BenchmarkResult::method);
        column("device", 60, BenchmarkResult::device);
        column("callers", 55, r -> Integer.toString(r.concurrency()));
        column("p50 ms", 70, r -> ValueFormat.number(r.stats().p50Ms()));
        column("p90 ms", 70, r -> ValueFormat.number(r.stats().p90Ms()));
        column("p99 ms", 70, r -> ValueFormat.number(r.stats().p99Ms()));
        column("min ms", 70, r -> ValueFormat.number(r.stats().minMs()));
        column("max ms", 70, r -> ValueFormat.number(r.stats().maxMs()));
        column("calls/s", 80, r -> ValueFormat.number(r.stats().throughput()));
        table.setPlaceholder(new javafx.scene.control.Label("Tick Benchmark, set warmup, iterations and callers, then press Benchmark."));
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("latency (ms)");
        chart = new BarChart<>(x, y);
        chart.setId("benchmarkChart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        results.addListener((ListChangeListener<BenchmarkResult>) c -> redraw(results));
        getItems().addAll(table, chart);
        setDividerPositions(0.55);
    }

    private void column(String title, double width, Function<BenchmarkResult, String> value) {
        TableColumn<BenchmarkResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        table.getColumns().add(c);
    }

    private void redraw(ObservableList<BenchmarkResult> results) {
        XYChart.Series<String, Number> p50 = new XYChart.Series<>();
        XYChart.Series<String, Number> p90 = new XYChart.Series<>();
        XYChart.Series<String, Number> p99 = new XYChart.Series<>();
        p50.setName("p50");
        p90.setName("p90");
        p99.setName("p99");
        int i = 0;
        for (BenchmarkResult r : results) {
            String label = (++i) + ": " + r.device() + " ×" + r.concurrency();
            p50.getData().add(new XYChart.Data<>(label, r.stats().p50Ms()));
            p90.getData().add(new XYChart.Data<>(label, r.stats().p90Ms()));
            p99.getData().add(new XYChart.Data<>(label, r.stats().p99Ms()));
        }
        chart.getData().setAll(java.util.List.of(p50, p90, p99));
    }
}
