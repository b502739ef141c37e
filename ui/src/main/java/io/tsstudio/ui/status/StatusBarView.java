package io.tsstudio.ui.status;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The status bar: a message on the left (with progress and Cancel while a file opens); caret position, LibTorch version, device and memory on the right. */
public final class StatusBarView extends HBox {
    private final Label message = new Label("Ready");
    private final Label caret = new Label("");
    private final Label libtorch = new Label("LibTorch loading\u2026");
    private final Label device = new Label("cpu");
    private final Label memory = new Label("");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Timeline memoryTimer;

    public StatusBarView() {
        getStyleClass().add("status-bar");
        message.setId("statusMessage");
        libtorch.setId("statusLibtorch");
        device.setId("statusDevice");
        memory.setId("statusMemory");
        caret.setId("statusCaret");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        message.setMinWidth(80);
        // The right-hand facts keep their full width; the message is what gets shortened.
        for (Label l : new Label[] {caret, libtorch, device, memory}) l.setMinWidth(Region.USE_PREF_SIZE);
        progress.setId("statusProgress");
        progress.setPrefWidth(140);
        cancel.setId("statusCancel");
        cancel.getStyleClass().add("status-cancel");
        hideProgress();
        getChildren().addAll(message, progress, cancel, spacer, caret, libtorch, device, memory);
        memoryTimer = new Timeline(new KeyFrame(Duration.seconds(2), e -> refreshMemory()));
        memoryTimer.setCycleCount(Timeline.INDEFINITE);
        memoryTimer.play();
        refreshMemory();
    }

    private void refreshMemory() {
        memory.setText(MemoryReport.now().describe());
    }

    public void setMessage(String text) {
        message.setText(text);
    }

    public String message() {
        return message.getText();
    }

    /**
     * Shows a long task's progress beside the message ({@code fraction} in [0, 1], or -1 for "working, how far is
     * unknown") with a Cancel button that runs {@code onCancel}.
     */
    public void showProgress(double fraction, Runnable onCancel) {
        progress.setProgress(fraction < 0 ? ProgressBar.INDETERMINATE_PROGRESS : fraction);
        cancel.setOnAction(e -> onCancel.run());
        for (javafx.scene.Node n : new javafx.scene.Node[] {progress, cancel}) {
            n.setVisible(true);
            n.setManaged(true);
        }
    }

    public void hideProgress() {
        cancel.setOnAction(null);
        for (javafx.scene.Node n : new javafx.scene.Node[] {progress, cancel}) {
            n.setVisible(false);
            n.setManaged(false);
        }
    }

    public boolean isProgressShown() {
        return progress.isVisible();
    }

    public double progress() {
        return progress.getProgress();
    }

    public void setCaret(int line, int column) {
        caret.setText(line <= 0 ? "" : "Ln " + line + ", Col " + column);
    }

    public void setLibTorch(String version) {
        libtorch.setText("LibTorch " + version);
    }

    public void setDevice(String text) {
        device.setText(text);
    }

    public String libTorchText() {
        return libtorch.getText();
    }

    public void stop() {
        memoryTimer.stop();
    }
}
