package io.tsstudio.ui.status;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The status bar: a message on the left; caret position, LibTorch version, device and memory on the right. */
public final class StatusBarView extends HBox {
    private final Label message = new Label("Ready");
    private final Label caret = new Label("");
    private final Label libtorch = new Label("LibTorch loading\u2026");
    private final Label device = new Label("cpu");
    private final Label memory = new Label("");
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
        getChildren().addAll(message, spacer, caret, libtorch, device, memory);
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
