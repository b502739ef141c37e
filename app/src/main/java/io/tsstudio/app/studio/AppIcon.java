package io.tsstudio.app.studio;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;

import java.util.ArrayList;
import java.util.List;

/**
 * The window icon, drawn at start-up (no bitmap files): a rounded orange tile with a white flame-like stroke over a
 * small node graph, at the sizes window managers ask for.
 */
final class AppIcon {
    private AppIcon() {
    }

    static List<Image> images() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128}) out.add(draw(size));
        return out;
    }

    static Image draw(int size) {
        Canvas c = new Canvas(size, size);
        GraphicsContext g = c.getGraphicsContext2D();
        double s = size / 64.0;
        g.setFill(new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.web("#ff7a45")), new Stop(1, Color.web("#d9381e"))));
        g.fillRoundRect(2 * s, 2 * s, 60 * s, 60 * s, 16 * s, 16 * s);
        g.setStroke(Color.WHITE);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(Math.max(1.5, 4 * s));
        // A flame: PyTorch's mark is a flame; ours is drawn as two strokes.
        g.beginPath();
        g.moveTo(32 * s, 10 * s);
        g.bezierCurveTo(44 * s, 22 * s, 48 * s, 32 * s, 40 * s, 42 * s);
        g.bezierCurveTo(34 * s, 50 * s, 22 * s, 48 * s, 20 * s, 38 * s);
        g.bezierCurveTo(19 * s, 30 * s, 26 * s, 24 * s, 32 * s, 10 * s);
        g.stroke();
        g.setFill(Color.WHITE);
        double r = 3.5 * s;
        g.fillOval(38 * s - r, 18 * s - r, 2 * r, 2 * r);
        g.setLineWidth(Math.max(1, 2.5 * s));
        g.strokeLine(14 * s, 54 * s, 50 * s, 54 * s);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        WritableImage img = new WritableImage(size, size);
        return c.snapshot(p, img);
    }
}
