package io.tsstudio.ui.graph.render;

import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.ui.graph.layout.GraphLayoutEngine;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.layout.LayoutThreads;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphOptions;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.model.SubgraphLoader;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

/**
 * Headless rendering of a graph to SVG or PNG, without JavaFX: what {@code tsstudio graph FILE --format svg} prints,
 * and what the view's export writes. The picture is the one the canvas shows.
 */
public final class GraphSvg {
    /** PNG exports are scaled down to stay under this many pixels per side. */
    public static final int MAX_PNG_SIDE = 16_384;

    private GraphSvg() {
    }

    /**
     * Lays out {@code graph} with submodule calls opened down to {@code openDepth} levels (0: top level only, each
     * call a closed group) and returns the SVG document.
     */
    public static String render(IrGraph graph, SubgraphLoader loader, GraphOptions options, int openDepth) {
        return toSvg(layout(graph, loader, options, openDepth), Highlights.NONE);
    }

    /** The top level of a graph with default options, no submodules opened. */
    public static String render(IrGraph graph) {
        return render(graph, SubgraphLoader.none(), GraphOptions.defaults(), 0);
    }

    /** Lays out on a large-stack layout thread (ELK needs it for long chains) and waits for it. */
    public static GraphScene layout(IrGraph graph, SubgraphLoader loader, GraphOptions options, int openDepth) {
        GraphViewModel vm = new GraphViewModel(graph, loader, options);
        Predicate<GraphNode> open = n -> n.group().depth() < openDepth;
        return onLayoutThread(() -> new GraphLayoutEngine().layout(vm.root(), open));
    }

    /** Runs {@code work} on a {@link LayoutThreads} thread and returns its result, rethrowing its failure. */
    public static <T> T onLayoutThread(java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = LayoutThreads.newThread(() -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while laying out", e);
        }
        if (failure.get() instanceof RuntimeException re) {
            throw re;
        }
        if (failure.get() instanceof Error err) {
            throw err;
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    public static String toSvg(GraphScene scene, Highlights hl) {
        double w = Math.max(1, scene.width() + 8);
        double h = Math.max(1, scene.height() + 8);
        StringBuilder sb = new StringBuilder(256 + scene.nodeCount() * 400);
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                        + "font-family=\"sans-serif\">\n", w, h, w, h));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(SvgPainter.rgb(GraphStyle.BACKGROUND)).append("\"/>\n");
        new ScenePainter().paint(scene, new SvgPainter(sb), -1, -1, w, h, 1.0, hl);
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Renders the whole scene into an image at {@code scale}, reduced to fit {@link #MAX_PNG_SIDE}. */
    public static BufferedImage toImage(GraphScene scene, double scale, Highlights hl) {
        double s = Math.min(scale, MAX_PNG_SIDE / Math.max(1, Math.max(scene.width(), scene.height()) + 8));
        int w = (int) Math.ceil((scene.width() + 8) * s);
        int h = (int) Math.ceil((scene.height() + 8) * s);
        BufferedImage img = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new java.awt.Color(GraphStyle.BACKGROUND));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(s, s);
            new ScenePainter().paint(scene, new Java2DPainter(g), -1, -1, scene.width() + 8, scene.height() + 8, s, hl);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static void writePng(GraphScene scene, double scale, Highlights hl, Path file) {
        try {
            if (!ImageIO.write(toImage(scene, scale, hl), "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
