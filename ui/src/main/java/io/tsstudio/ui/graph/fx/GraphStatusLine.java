package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.concurrent.Progress;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The graph view's bottom line: what the last layout drew (or why nothing was), and while a layout runs, its progress
 * bar and Cancel. The bar appears only for layouts that take a while, so quick ones do not flicker.
 */
final class GraphStatusLine {
    private static final long QUIET_NANOS = 250_000_000L;

    private final Label text = new Label("No graph");
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final ReadOnlyBooleanWrapper running;
    private final HBox node = new HBox(8, text, bar, cancel);
    private long startedNanos;

    GraphStatusLine(Object bean, Runnable onCancel) {
        running = new ReadOnlyBooleanWrapper(bean, "layingOut");
        bar.setVisible(false);
        bar.setPrefWidth(160);
        cancel.setVisible(false);
        cancel.setId("graphCancel");
        cancel.setOnAction(e -> onCancel.run());
        text.setId("graphStatus");
        text.setWrapText(true); // the layout figures wrap in a narrow dock rather than ending in "…"
        HBox.setHgrow(text, Priority.ALWAYS);
        node.setPadding(new Insets(2, 6, 2, 6));
        node.setAlignment(Pos.CENTER_LEFT);
    }

    HBox node() {
        return node;
    }

    void say(String line) {
        text.setText(line);
    }

    /** A layout started: {@code line} says what runs, and the Jobs tab lists it until {@link #ended}. */
    void started(String line) {
        startedNanos = System.nanoTime();
        bar.setVisible(false); // until this layout has run a while
        cancel.setVisible(false);
        text.setText(line);
        running.set(true);
    }

    /** Nanoseconds since {@link #started}. */
    long elapsedNanos() {
        return System.nanoTime() - startedNanos;
    }

    void progress(Progress p) {
        if (!running.get() || elapsedNanos() < QUIET_NANOS) return;
        bar.setVisible(true);
        cancel.setVisible(true);
        bar.setProgress(p.fraction());
    }

    void ended(String line) {
        bar.setVisible(false);
        cancel.setVisible(false);
        running.set(false);
        text.setText(line);
    }

    ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    ObservableNumberValue progress() {
        return bar.progressProperty();
    }

    ObservableStringValue text() {
        return text.textProperty();
    }
}
