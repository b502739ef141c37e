package io.tsstudio.ui.inspect;

import io.tsstudio.ui.concurrent.FxUiThread;
import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.LatestResultWorker;
import io.tsstudio.ui.concurrent.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.concurrent.Executor;

/**
 * The inspector's state: the model shown, the selected tensor and its statistics (computed on a worker thread,
 * latest selection wins). No nodes; tested without a toolkit.
 */
public final class InspectorViewModel implements AutoCloseable {
    private final ReadOnlyObjectWrapper<ModelSummary> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ObjectProperty<TensorEntry> selectedTensor = new SimpleObjectProperty<>(this, "selectedTensor");
    private final ReadOnlyObjectWrapper<TensorPreview> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "No model open");
    private final ReadOnlyStringWrapper statsError = new ReadOnlyStringWrapper(this, "statsError", "");
    private final LatestResultWorker<TensorEntry, Object> statsWorker;
    private volatile TensorValueSource values;

    public InspectorViewModel(Executor delivery) {
        this(TaskRunner.on(FxUiThread.delivering(delivery)));
    }

    /** Statistics are read as latest-wins jobs on the runner's engine lane (they read tensors through LibTorch). */
    public InspectorViewModel(TaskRunner runner) {
        statsWorker = runner.latest(Lane.ENGINE, this::computeStats, result -> {
            if (result instanceof TensorPreview s) {
                stats.set(s);
                statsError.set("");
            } else {
                stats.set(null);
                statsError.set(String.valueOf(result));
            }
        });
        selectedTensor.addListener((o, a, t) -> {
            stats.set(null);
            statsError.set("");
            if (t != null && values != null) statsWorker.submit(t, 0);
        });
    }

    private Object computeStats(TensorEntry t) {
        try {
            return TensorPreview.of(values.values(t));
        } catch (RuntimeException e) {
            return "cannot read " + t.name() + ": " + e.getMessage();
        }
    }

    /** Shows a model; {@code source} reads tensor values for the statistics pane. */
    public void show(ModelSummary summary, TensorValueSource source) {
        this.values = source;
        selectedTensor.set(null);
        model.set(summary);
        totals.set(summary == null ? "No model open" : summary.totalsText());
    }

    public void clear() {
        show(null, null);
    }

    public ReadOnlyObjectProperty<ModelSummary> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ObjectProperty<TensorEntry> selectedTensorProperty() {
        return selectedTensor;
    }

    public ReadOnlyObjectProperty<TensorPreview> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statsErrorProperty() {
        return statsError.getReadOnlyProperty();
    }

    @Override
    public void close() {
        statsWorker.close();
    }
}
