package io.tsstudio.ui.graph.render;

import java.util.Locale;

/** Writes painter calls as SVG elements. */
public final class SvgPainter implements Painter {
    private final StringBuilder out;

    public SvgPainter(StringBuilder out) {
        this.out = out;
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"%s\"%s/>\n",
                x, y, w, h, Math.min(arc / 2, h / 2), rgb(argb), opacity("fill-opacity", argb)));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        fillRoundRect(x, y, w, h, 0, argb);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth) {
        out.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>\n",
                x, y, w, h, Math.min(arc / 2, h / 2), rgb(argb), lineWidth, opacity("stroke-opacity", argb)));
    }

    @Override
    public void polyline(double[] pts, int argb, double lineWidth) {
        out.append("<polyline fill=\"none\" stroke=\"").append(rgb(argb)).append("\" stroke-width=\"")
                .append(String.format(Locale.ROOT, "%.1f", lineWidth)).append("\" points=\"");
        for (int k = 0; k + 1 < pts.length; k += 2) {
            out.append(String.format(Locale.ROOT, "%.1f,%.1f ", pts[k], pts[k + 1]));
        }
        out.append("\"/>\n");
    }

    @Override
    public void triangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {
        out.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>\n",
                x1, y1, x2, y2, x3, y3, rgb(argb)));
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, int argb) {
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\"%s fill=\"%s\">",
                x, y, size, bold ? " font-weight=\"bold\"" : "", rgb(argb)));
        escape(s);
        out.append("</text>\n");
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
    }

    static String rgb(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }

    private static String opacity(String attr, int argb) {
        int a = (argb >>> 24) & 0xFF;
        return a == 0xFF ? "" : String.format(Locale.ROOT, " %s=\"%.2f\"", attr, a / 255.0);
    }
}
