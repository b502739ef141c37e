import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws the TorchScript Studio icon (a small dataflow graph on a dark tile) with Java2D and writes it in the three
 * formats jpackage wants: tsstudio.png (Linux), tsstudio.ico (Windows) and tsstudio.icns (macOS). No external tools,
 * no downloads. Run from the repository root: {@code java installers/icons/MakeIcons.java installers/icons}.
 * The outputs are committed; rerun only when the drawing changes.
 */
public final class MakeIcons {
    private static final Color TILE_TOP = new Color(0x26, 0x34, 0x4A);
    private static final Color TILE_BOTTOM = new Color(0x12, 0x1A, 0x27);
    private static final Color EDGE = new Color(0xDD, 0xE6, 0xF0);
    private static final Color NODE = new Color(0xEE, 0x4C, 0x2C);
    private static final Color NODE_OUT = new Color(0xFF, 0xB0, 0x3B);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        ImageIO.write(draw(512), "png", dir.resolve("tsstudio.png").toFile());
        Files.write(dir.resolve("tsstudio.ico"), ico(16, 24, 32, 48, 64, 128, 256));
        Files.write(dir.resolve("tsstudio.icns"), icns());
        System.out.println("wrote tsstudio.png, tsstudio.ico, tsstudio.icns to " + dir.toAbsolutePath());
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size;
        double inset = s * 0.04;
        g.setPaint(new GradientPaint(0, 0, TILE_TOP, 0, (float) s, TILE_BOTTOM));
        g.fill(new RoundRectangle2D.Double(inset, inset, s - 2 * inset, s - 2 * inset, s * 0.36, s * 0.36));

        double[][] nodes = {{0.50, 0.25}, {0.28, 0.50}, {0.72, 0.50}, {0.50, 0.76}};
        int[][] edges = {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {0, 3}};
        g.setColor(EDGE);
        g.setStroke(new BasicStroke((float) Math.max(1.2, s * 0.045), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int[] e : edges) {
            g.draw(new Line2D.Double(nodes[e[0]][0] * s, nodes[e[0]][1] * s, nodes[e[1]][0] * s, nodes[e[1]][1] * s));
        }
        double r = s * 0.105;
        for (int i = 0; i < nodes.length; i++) {
            g.setColor(i == nodes.length - 1 ? NODE_OUT : NODE);
            g.fill(new Ellipse2D.Double(nodes[i][0] * s - r, nodes[i][1] * s - r, 2 * r, 2 * r));
        }
        g.dispose();
        return img;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", out);
        return out.toByteArray();
    }

    /** ICO: 32-bit DIB entries below 256 px (read by every Windows tool), a PNG entry at 256 px (Vista+ format). */
    static byte[] ico(int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = sizes[i] >= 256 ? png(sizes[i]) : dib(draw(sizes[i]));
        }
        int headerSize = 6 + 16 * sizes.length;
        int total = headerSize;
        for (byte[] image : images) {
            total += image.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = headerSize;
        for (int i = 0; i < sizes.length; i++) {
            int dim = sizes[i] >= 256 ? 0 : sizes[i];
            b.put((byte) dim).put((byte) dim).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            b.put(image);
        }
        return b.array();
    }

    private static byte[] dib(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int maskRow = ((w + 31) / 32) * 4;
        ByteBuffer b = ByteBuffer.allocate(40 + w * h * 4 + maskRow * h).order(ByteOrder.LITTLE_ENDIAN);
        // BITMAPINFOHEADER; the height counts the XOR image and the AND mask together.
        b.putInt(40).putInt(w).putInt(2 * h).putShort((short) 1).putShort((short) 32)
                .putInt(0).putInt(w * h * 4).putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                b.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
        }
        // All-zero AND mask: the alpha channel decides transparency for 32-bit entries.
        return b.array();
    }

    /** ICNS: PNG-compressed entries, the types macOS 10.7+ reads (icp4/icp5 and ic07..ic14). */
    static byte[] icns() throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("ic11", 32);
        types.put("ic12", 64);
        types.put("ic07", 128);
        types.put("ic13", 256);
        types.put("ic08", 256);
        types.put("ic14", 512);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (Map.Entry<String, Integer> t : types.entrySet()) {
            byte[] data = png(t.getValue());
            d.writeBytes(t.getKey());
            d.writeInt(8 + data.length);
            d.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.writeBytes("icns");
        f.writeInt(8 + body.size());
        f.write(body.toByteArray());
        return file.toByteArray();
    }
}
