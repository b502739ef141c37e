package io.tsstudio.ui.image;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a JavaFX {@link Image} as a PNG file. The pixels are copied row-wise in ARGB into a {@link BufferedImage}:
 * the one thing the studio needed from {@code SwingFXUtils}, so javafx-swing is no longer a dependency.
 */
public final class PngFiles {
    private PngFiles() {
    }

    public static BufferedImage toBufferedImage(Image image) {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        if (reader == null) throw new IllegalArgumentException("the image has no readable pixels (still loading?)");
        int[] argb = new int[w * h];
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** Writes {@code image} to {@code target}, creating its folder. */
    public static void write(Image image, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(toBufferedImage(image), "png", target.toFile())) throw new IOException("no PNG writer in this runtime");
    }
}
