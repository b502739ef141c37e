package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.graph.render.Painter;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.HashMap;
import java.util.Map;

/** Paints onto a JavaFX canvas; the caller sets the world-to-screen transform on the context. */
final class CanvasPainter implements Painter {
    private final GraphicsContext gc;
    private final Map<Integer, Color> colors = new HashMap<>();
    private final Map<Integer, Font> fonts = new HashMap<>();

    CanvasPainter(GraphicsContext gc) {
        this.gc = gc;
    }

    private Color color(int argb) {
        return colors.computeIfAbsent(argb, c -> Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, ((c >>> 24) & 0xFF) / 255.0));
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
        gc.setFill(color(argb));
        gc.fillRoundRect(x, y, w, h, arc, arc);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        gc.setFill(color(argb));
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth) {
        gc.setStroke(color(argb));
        gc.setLineWidth(lineWidth);
        gc.strokeRoundRect(x, y, w, h, arc, arc);
    }

    @Override
    public void polyline(double[] pts, int argb, double lineWidth) {
        gc.setStroke(color(argb));
        gc.setLineWidth(lineWidth);
        gc.beginPath();
        gc.moveTo(pts[0], pts[1]);
        for (int k = 2; k + 1 < pts.length; k += 2) {
            gc.lineTo(pts[k], pts[k + 1]);
        }
        gc.stroke();
    }

    @Override
    public void triangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {
        gc.setFill(color(argb));
        gc.fillPolygon(new double[]{x1, x2, x3}, new double[]{y1, y2, y3}, 3);
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, int argb) {
        int key = (int) Math.round(size * 10) * 2 + (bold ? 1 : 0);
        gc.setFont(fonts.computeIfAbsent(key, k -> Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size)));
        gc.setFill(color(argb));
        gc.fillText(s, x, y);
    }
}
