package io.tsstudio.ui.run;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A tensor's histogram (finite values in equal-width bins over [min, max]), drawn on a canvas that follows its size. */
final class HistogramView extends Region {
    private final Canvas canvas = new Canvas();
    private long[] counts = new long[0];
    private double min;
    private double max;

    HistogramView() {
        getChildren().add(canvas);
        getStyleClass().add("histogram");
        setMinSize(120, 80);
        setPrefSize(360, 180);
    }

    void show(long[] counts, double min, double max) {
        this.counts = counts.clone();
        this.min = min;
        this.max = max;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFont(Font.font(11));
        g.setFill(Color.gray(0.45));
        if (counts.length == 0) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("no finite values", w / 2, h / 2);
            return;
        }
        double left = 8, right = 8, top = 16, bottom = 22;
        double plotW = Math.max(1, w - left - right);
        double plotH = Math.max(1, h - top - bottom);
        long peak = 1;
        for (long c : counts) peak = Math.max(peak, c);
        double bw = plotW / counts.length;
        g.setFill(Color.web("#4a86c5"));
        for (int i = 0; i < counts.length; i++) {
            double bh = plotH * counts[i] / peak;
            g.fillRect(left + i * bw + 0.5, top + plotH - bh, Math.max(1, bw - 1), bh);
        }
        g.setStroke(Color.gray(0.6));
        g.strokeLine(left, top + plotH + 0.5, left + plotW, top + plotH + 0.5);
        g.setFill(Color.gray(0.35));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(ValueFormat.number(min), left, h - 6);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(ValueFormat.number(max), left + plotW, h - 6);
        g.fillText("peak " + peak, left + plotW, top - 4);
    }
}
