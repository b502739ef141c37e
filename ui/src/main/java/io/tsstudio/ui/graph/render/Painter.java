package io.tsstudio.ui.graph.render;

/**
 * The drawing primitives the scene painter needs, in world coordinates, colours as ARGB. Implemented for the
 * JavaFX canvas, SVG text and Java2D images, so all three draw the same picture.
 */
public interface Painter {
    void fillRoundRect(double x, double y, double w, double h, double arc, int argb);

    /** An axis-aligned rectangle: the cheap primitive of the far level of detail. */
    void fillRect(double x, double y, double w, double h, int argb);

    /** Far level of detail starts or ends: a painter may drop antialiasing while shapes are a few pixels big. */
    default void farDetail(boolean far) {
    }

    void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth);

    void polyline(double[] points, int argb, double lineWidth);

    /** A filled triangle: the arrow head at an edge's end. */
    void triangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb);

    /** Text with its left end at x and its baseline at y, clipped by the caller's sizing, not here. */
    void text(String s, double x, double y, double size, boolean bold, int argb);
}
