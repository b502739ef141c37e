package io.tsstudio.ui.graph.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/** Paints onto a Java2D surface (a BufferedImage for PNG export, headless and toolkit-free). */
public final class Java2DPainter implements Painter {
    private final Graphics2D g;
    private final Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private final Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    public Java2DPainter(Graphics2D g) {
        this.g = g;
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
        g.setColor(new Color(argb, true));
        g.fill(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        g.setColor(new Color(argb, true));
        g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void farDetail(boolean far) {
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING,
                far ? java.awt.RenderingHints.VALUE_ANTIALIAS_OFF : java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth) {
        g.setColor(new Color(argb, true));
        g.setStroke(new BasicStroke((float) lineWidth));
        g.draw(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void polyline(double[] pts, int argb, double lineWidth) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(pts[0], pts[1]);
        for (int k = 2; k + 1 < pts.length; k += 2) {
            path.lineTo(pts[k], pts[k + 1]);
        }
        g.setColor(new Color(argb, true));
        g.setStroke(new BasicStroke((float) lineWidth));
        g.draw(path);
    }

    @Override
    public void triangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x1, y1);
        path.lineTo(x2, y2);
        path.lineTo(x3, y3);
        path.closePath();
        g.setColor(new Color(argb, true));
        g.fill(path);
    }

    @Override
    public void text(String s, double x, double y, double size, boolean isBold, int argb) {
        g.setColor(new Color(argb, true));
        g.setFont((isBold ? bold : plain).deriveFont((float) size));
        g.drawString(s, (float) x, (float) y);
    }
}
