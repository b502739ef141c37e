package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.render.GraphStyle;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.render.ScenePainter;
import javafx.geometry.Point2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * An overview of the whole scene with the visible part outlined; click or drag to move there. The overview is
 * painted once per scene into an image, so moving the camera only redraws the image and a rectangle.
 */
public final class Minimap extends Region {
    private static final double SIZE = 180;
    private final Canvas canvas = new Canvas(SIZE, SIZE);
    private final GraphCanvas main;
    private WritableImage overview;
    private GraphStyle style = GraphStyle.LIGHT;
    private GraphScene drawn;
    private double scale = 1;
    private double ox;
    private double oy;

    public Minimap(GraphCanvas main) {
        this.main = main;
        getChildren().add(canvas);
        setPrefSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
        getStyleClass().add("graph-minimap");
        // Defaults for hosts without the studio's themes; a theme's .graph-minimap rule overrides them.
        setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(Color.WHITE, null, null)));
        setBorder(new javafx.scene.layout.Border(new javafx.scene.layout.BorderStroke(Color.web("#adb5bd"),
                javafx.scene.layout.BorderStrokeStyle.SOLID, null, javafx.scene.layout.BorderWidths.DEFAULT)));
        // A theme switch repaints the overview in the new palette.
        io.tsstudio.ui.theme.Palette.follow(this, sheets -> {
            style = GraphCanvas.styleFor(sheets);
            drawn = null;
            refresh();
        });
        setOnMousePressed(this::moveTo);
        setOnMouseDragged(this::moveTo);
    }

    public void refresh() {
        GraphScene s = main.scene();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        if (s == null) {
            gc.clearRect(0, 0, SIZE, SIZE);
            return;
        }
        scale = Math.min((SIZE - 8) / Math.max(1, s.width()), (SIZE - 8) / Math.max(1, s.height()));
        ox = (SIZE - s.width() * scale) / 2;
        oy = (SIZE - s.height() * scale) / 2;
        if (s != drawn) {
            drawn = s;
            gc.clearRect(0, 0, SIZE, SIZE);
            gc.setTransform(scale, 0, 0, scale, ox, oy);
            ScenePainter painter = new ScenePainter();
            painter.setStyle(style);
            painter.paint(s, new CanvasPainter(gc), 0, 0, s.width(), s.height(), Math.min(scale, GraphStyle.NO_TEXT / 2),
                    Highlights.NONE);
            gc.setTransform(1, 0, 0, 1, 0, 0);
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT); // a snapshot fills white by default: the dark theme's minimap was white inside
            overview = canvas.snapshot(p, null);
        }
        gc.drawImage(overview, 0, 0);
        Point2D a = main.toWorld(0, 0);
        Point2D b = main.toWorld(main.getWidth(), main.getHeight());
        int sel = style.color(GraphStyle.Role.SELECTED);
        gc.setStroke(Color.rgb((sel >> 16) & 0xFF, (sel >> 8) & 0xFF, sel & 0xFF));
        gc.setLineWidth(1.5);
        double x0 = clamp(ox + a.getX() * scale), y0 = clamp(oy + a.getY() * scale);
        double x1 = clamp(ox + b.getX() * scale), y1 = clamp(oy + b.getY() * scale);
        gc.strokeRect(x0, y0, Math.max(2, x1 - x0), Math.max(2, y1 - y0));
    }

    private static double clamp(double v) {
        return Math.max(1, Math.min(SIZE - 1, v));
    }

    private void moveTo(MouseEvent e) {
        if (main.scene() == null) {
            return;
        }
        double wx = (e.getX() - ox) / scale, wy = (e.getY() - oy) / scale;
        double s = main.scale();
        main.setCamera(s, main.getWidth() / 2 - wx * s, main.getHeight() / 2 - wy * s);
    }
}
