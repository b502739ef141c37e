package io.tsstudio.ui.graph.bench;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrBlock;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrGraphs;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.layout.GraphLayoutEngine;
import io.tsstudio.ui.graph.layout.GroupLayout;
import io.tsstudio.ui.graph.layout.GroupLayouter;
import io.tsstudio.ui.graph.layout.NodeSizes;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphOptions;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.render.GraphStyle;
import io.tsstudio.ui.graph.render.GraphSvg;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.render.Java2DPainter;
import io.tsstudio.ui.graph.model.NodeKind;
import io.tsstudio.ui.graph.render.ScenePainter;
import io.tsstudio.ui.graph.model.SubgraphLoader;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Graph view benchmark: compiles a generated transformer-like model ({@link TransformerArchive}) at about 1,000,
 * 10,000 and 50,000 nodes when fully inlined (counted by walking the hierarchy, never by inlining), and measures
 * in one run: model load, IR extraction, time to the first frame (top-level layout + first render), opening one
 * block, opening a ~1,000-node group, frame time while panning with ~2,000 nodes in view, and the baseline of one
 * flat ELK layout of the whole inlined graph. Renders headless with the Java2D painter (the same scene painter the
 * canvas uses; software rasterisation, so a conservative stand-in for the canvas).
 *
 * <p>Run: {@code mvn -o -q -pl ui -am test-compile exec:exec ...} or from the IDE; args: target node counts
 * (default 1000 10000 50000), {@code --no-baseline} to skip the flat ELK layout, {@code --shots=DIR} to write the
 * opened large group as laid out now and by ELK (graph-section-now.png, graph-section-elk.png).
 */
public final class GraphBench {
    private static final int VIEW_W = 1280;
    private static final int VIEW_H = 800;

    private GraphBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean baseline = !Arrays.asList(args).contains("--no-baseline");
        Path shots = Arrays.stream(args).filter(a -> a.startsWith("--shots=")).map(a -> Path.of(a.substring(8)))
                .findFirst().orElse(null);
        int[] targets = Arrays.stream(args).filter(a -> !a.startsWith("--")).mapToInt(Integer::parseInt).toArray();
        if (targets.length == 0) {
            targets = new int[]{1_000, 10_000, 50_000};
        }
        int[] t = targets;
        GraphSvg.onLayoutThread(() -> {
            try {
                run(t, baseline, shots);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    private static void run(int[] targets, boolean baseline, Path shots) throws Exception {
        int perBlock;
        try (ScriptModule one = Jit.load(TransformerArchive.archive(1))) {
            Map<String, Integer> counts = new HashMap<>();
            perBlock = inlinedCount(IrGraphs.of(one, "forward"), loaderFor(one), counts) - 1;
        }
        out("inlined IR nodes per block: %d (Norm, Attention with 4 Proj, Norm, Mlp with 2 Proj, 2 residual adds)", perBlock);
        warmUp();
        for (int target : targets) {
            int blocks = Math.max(1, Math.round((float) target / perBlock));
            bench(blocks, baseline, shots);
        }
    }

    /** One small pass so JIT compilation of ELK and the painters does not land in the first figures. */
    private static void warmUp() throws Exception {
        try (ScriptModule m = Jit.load(TransformerArchive.archive(30))) {
            SubgraphLoader loader = loaderFor(m);
            GraphViewModel vm = new GraphViewModel(IrGraphs.of(m, "forward"), loader);
            GraphLayoutEngine engine = new GraphLayoutEngine();
            vm.expandAll();
            frame(engine.layout(vm.root(), vm::isExpanded), 0.5, 0, 0);
            GraphViewModel flat = new GraphViewModel(IrGraphs.of(m, "forward"), loader, GraphOptions.defaults().withFlat(true));
            frame(new GraphLayoutEngine().layout(flat.root(), n -> true), 0.5, 0, 0);
        }
    }

    /**
     * The large-group layout against the ELK path every group took before, on the same group, alternating so both
     * see the same machine load; optionally writes both pictures (docs/screenshots/graph-section-*.png).
     */
    private static void compareWithElk(GraphGroup group, Path shots) {
        List<GraphNode> nodes = group.nodes();
        double[][] sizes = collapsedSizes(group);
        double[] w = sizes[0];
        double[] h = sizes[1];
        int reps = 5;
        long[] now = new long[reps];
        long[] elk = new long[reps];
        GroupLayout fast = null, old = null;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            fast = GroupLayouter.layout(group, w, h, () -> false);
            now[r] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            old = GroupLayouter.layoutWithElk(group, w, h, () -> false);
            elk[r] = System.nanoTime() - t0;
        }
        Arrays.sort(now);
        Arrays.sort(elk);
        out("LAYOUT OF THE %,d-NODE GROUP x%d: now %.1f..%.1f ms (median %.1f), old ELK path %.1f..%.1f ms (median %.1f), "
                        + "ratio of medians %.1fx; size now %.0fx%.0f, ELK %.0fx%.0f",
                nodes.size(), reps, now[0] / 1e6, now[reps - 1] / 1e6, now[reps / 2] / 1e6, elk[0] / 1e6,
                elk[reps - 1] / 1e6, elk[reps / 2] / 1e6, (double) elk[reps / 2] / now[reps / 2],
                fast.width(), fast.height(), old.width(), old.height());
        if (shots != null) {
            // the top of the group at a readable zoom: the whole 50,000-pixel-tall group would shrink past text level
            writeTop(GraphScene.of(fast), shots.resolve("graph-section-now.png"));
            writeTop(GraphScene.of(old), shots.resolve("graph-section-elk.png"));
            out("wrote %s/graph-section-{now,elk}.png", shots);
        }
    }

    private static double[][] collapsedSizes(GraphGroup group) {
        List<GraphNode> nodes = group.nodes();
        double[][] sizes = new double[2][nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            sizes[0][i] = NodeSizes.collapsedWidth(nodes.get(i));
            sizes[1][i] = NodeSizes.collapsedHeight(nodes.get(i));
        }
        return sizes;
    }

    private static void writeTop(GraphScene scene, Path file) {
        int w = (int) Math.min(1400, scene.width() * 0.8 + 10), h = 2400;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(GraphStyle.BACKGROUND));
            g.fillRect(0, 0, w, h);
            g.scale(0.8, 0.8);
            new ScenePainter().paint(scene, new Java2DPainter(g), 0, 0, w / 0.8, h / 0.8, 0.8, Highlights.NONE);
        } finally {
            g.dispose();
        }
        try {
            javax.imageio.ImageIO.write(img, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void bench(int blocks, boolean baseline, Path shots) throws Exception {
        out("");
        out("=== %d blocks", blocks);
        long t0 = System.nanoTime();
        byte[] archive = TransformerArchive.archive(blocks);
        try (ScriptModule m = Jit.load(archive)) {
            out("load (LibTorch compiles the generated archive): %,d ms", ms(t0));
            SubgraphLoader loader = loaderFor(m);

            t0 = System.nanoTime();
            IrGraph top = IrGraphs.of(m, "forward");
            out("IR extraction, top level (%,d IR nodes): %,d ms", top.nodes().size(), ms(t0));
            t0 = System.nanoTime();
            int inlined = inlinedCount(top, loader, new HashMap<>());
            out("fully inlined size by walking the hierarchy: %,d IR nodes (%,d ms, one extraction per class)", inlined, ms(t0));

            // first frame: top-level view model + layout + one render at fit zoom
            t0 = System.nanoTime();
            GraphViewModel vm = new GraphViewModel(top, loader);
            GraphLayoutEngine engine = new GraphLayoutEngine();
            GraphScene scene = engine.layout(vm.root(), vm::isExpanded);
            double fit = fitScale(scene);
            long render = frame(scene, fit, 0, 0);
            out("FIRST FRAME: %,d ms (view model + layout of %,d top-level nodes + render %.1f ms)",
                    ms(t0), scene.nodeCount(), render / 1e6);

            List<GraphNode> sections = vm.root().nodes().stream().filter(n -> n.kind() == NodeKind.SECTION).toList();
            if (!sections.isEmpty()) {
                GraphNode s = sections.get(0);
                t0 = System.nanoTime();
                vm.expand(s);
                scene = engine.layout(vm.root(), vm::isExpanded);
                frame(scene, fitScale(scene), 0, 0);
                out("open a top-level section (%,d nodes inside): %,d ms", s.content().nodes().size(), ms(t0));
            }
            GraphNode block = vm.allNodes().stream().filter(n -> n.kind() == NodeKind.MODULE).findFirst().orElseThrow();
            vm.reveal(block);
            t0 = System.nanoTime();
            vm.expand(block);
            scene = engine.layout(vm.root(), vm::isExpanded);
            frame(scene, fitScale(scene), 0, 0);
            out("open one block (%s, %d nodes inside): %,d ms", block.title(), block.content().nodes().size(), ms(t0));

            // the flat (inlined) view: sections of <= 1,000 ops; opening one is the ~1,000-node group
            t0 = System.nanoTime();
            GraphViewModel flat = new GraphViewModel(top, loader, GraphOptions.defaults().withFlat(true));
            GraphLayoutEngine flatEngine = new GraphLayoutEngine();
            GraphScene flatTop = flatEngine.layout(flat.root(), flat::isExpanded);
            frame(flatTop, fitScale(flatTop), 0, 0);
            out("flat view first frame (%,d top-level nodes): %,d ms", flatTop.nodeCount(), ms(t0));
            List<GraphNode> flatSections = flat.root().nodes().stream().filter(n -> n.kind() == NodeKind.SECTION).toList();
            if (!flatSections.isEmpty()) {
                GraphNode s = flatSections.get(0);
                t0 = System.nanoTime();
                flat.expand(s);
                GraphScene opened = flatEngine.layout(flat.root(), flat::isExpanded);
                frame(opened, fitScale(opened), 0, 0);
                out("OPEN A %,d-NODE GROUP (flat section; time in ELK %d ms, 0 when SweepLayout ran): %,d ms", s.content().nodes().size(),
                        flatEngine.lastElkMillis(), ms(t0));
                compareWithElk(s.content(), shots);
                for (int i = 1; i < Math.min(6, flatSections.size()); i++) {
                    flat.expand(flatSections.get(i));
                }
                pan(flatEngine.layout(flat.root(), flat::isExpanded));
            } else {
                flat.expandAll();
                pan(flatEngine.layout(flat.root(), flat::isExpanded));
            }

            if (baseline) {
                GraphViewModel one = new GraphViewModel(top, loader,
                        GraphOptions.defaults().withFlat(true).withSectionSize(Integer.MAX_VALUE));
                GraphGroup all = one.root();
                double[][] sizes = collapsedSizes(all);
                t0 = System.nanoTime();
                GroupLayouter.layoutWithElk(all, sizes[0], sizes[1], () -> false);
                out("BASELINE one flat ELK layout of all %,d drawn nodes (fast settings): %,d ms", all.nodes().size(), ms(t0));
                t0 = System.nanoTime();
                GroupLayouter.layout(all, sizes[0], sizes[1], () -> false);
                out("the same flat graph in one group by the large-group layout: %,d ms", ms(t0));
            }
        }
    }

    /**
     * Pans down through the opened part of the scene (the open sections' frames) at the zoom that puts about 2,000
     * nodes in the 1280x800 viewport, and reports frame times.
     */
    private static void pan(GraphScene scene) {
        double top = Double.MAX_VALUE, bottom = 0, left = Double.MAX_VALUE, right = 0;
        for (int i = 0; i < scene.nodeCount(); i++) {
            if (scene.isOpen(i)) {
                top = Math.min(top, scene.y(i));
                bottom = Math.max(bottom, scene.y(i) + scene.h(i));
                left = Math.min(left, scene.x(i));
                right = Math.max(right, scene.x(i) + scene.w(i));
            }
        }
        if (bottom == 0) {
            top = 0;
            bottom = scene.height();
            left = 0;
            right = scene.width();
        }
        double cx = (left + right) / 2;
        double scale = 1.0;
        for (int i = 0; i < 60 && visible(scene, scale, cx - VIEW_W / scale / 2, top) < 2000; i++) {
            scale *= 0.9;
        }
        int frames = 120;
        long[] times = new long[frames];
        int[] seen = new int[frames];
        double span = Math.max(1, bottom - top - VIEW_H / scale);
        for (int f = 0; f < frames; f++) {
            // a first pass over the same frames so the JIT has compiled the painter before the measured pass
            frame(scene, scale, cx - VIEW_W / scale / 2, top + span * f / frames);
        }
        for (int f = 0; f < frames; f++) {
            double wy = top + span * f / frames;
            double wx = cx - VIEW_W / scale / 2 + 40 * Math.sin(f / 10.0) / scale;
            seen[f] = visible(scene, scale, wx, wy);
            times[f] = frame(scene, scale, wx, wy);
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(times).average().orElse(0) / 1e6;
        out("PANNING at zoom %.3f (%s), %,d..%,d nodes in view (mean %,d): mean %.1f ms, median %.1f ms, p95 %.1f ms per frame",
                scale, scale < GraphStyle.NO_TEXT ? "no text" : "with text", Arrays.stream(seen).min().orElse(0),
                Arrays.stream(seen).max().orElse(0), (int) Arrays.stream(seen).average().orElse(0), mean,
                sorted[frames / 2] / 1e6, sorted[(int) (frames * 0.95)] / 1e6);
    }

    private static int visible(GraphScene s, double scale, double wx, double wy) {
        AtomicInteger n = new AtomicInteger();
        s.nodesIn(wx, wy, wx + VIEW_W / scale, wy + VIEW_H / scale, i -> n.incrementAndGet());
        return n.get();
    }

    private static double fitScale(GraphScene s) {
        return Math.min(1.0, Math.min(VIEW_W / (s.width() + 40), VIEW_H / (s.height() + 40)));
    }

    private static final BufferedImage SCREEN = new BufferedImage(VIEW_W, VIEW_H, BufferedImage.TYPE_INT_RGB);

    /** Renders one viewport frame (world top-left at wx, wy) and returns its nanoseconds. */
    private static long frame(GraphScene scene, double scale, double wx, double wy) {
        long t0 = System.nanoTime();
        Graphics2D g = SCREEN.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(GraphStyle.BACKGROUND));
            g.fillRect(0, 0, VIEW_W, VIEW_H);
            g.scale(scale, scale);
            g.translate(-wx, -wy);
            new ScenePainter().paint(scene, new Java2DPainter(g), wx, wy, wx + VIEW_W / scale, wy + VIEW_H / scale, scale,
                    Highlights.NONE);
        } finally {
            g.dispose();
        }
        return System.nanoTime() - t0;
    }

    static SubgraphLoader loaderFor(ScriptModule root) {
        return (path, method) -> {
            if (path.isEmpty()) {
                return IrGraphs.of(root, method);
            }
            try (ScriptModule sub = root.submodule(path)) {
                return IrGraphs.of(sub, method);
            }
        };
    }

    /** IR nodes the graph would have inlined: calls count as their callee's nodes, module reads vanish. */
    static int inlinedCount(IrGraph g, SubgraphLoader loader, Map<String, Integer> perClass) {
        return count(g.nodes(), g, "", loader, perClass);
    }

    private static int count(List<IrNode> nodes, IrGraph g, String path, SubgraphLoader loader, Map<String, Integer> perClass) {
        int n = 0;
        for (IrNode node : nodes) {
            if (node.kind().equals("prim::CallMethod") && node.call().isPresent()) {
                var call = node.call().get();
                String sub = path.isEmpty() ? call.submodulePath() : call.submodulePath().isEmpty() ? path : path + "." + call.submodulePath();
                String key = call.className() + "#" + call.method();
                Integer c = perClass.get(key);
                if (c == null) {
                    IrGraph callee = loader.load(sub, call.method());
                    c = count(callee.nodes(), callee, sub, loader, perClass);
                    perClass.put(key, c);
                }
                n += c;
            } else if (node.kind().equals("prim::GetAttr") && node.outputs().size() == 1
                    && g.value(node.outputs().get(0)) != null && g.value(node.outputs().get(0)).type().startsWith("__torch__.")) {
                continue;
            } else {
                n++;
                for (IrBlock b : node.blocks()) {
                    n += count(b.nodes(), g, path, loader, perClass);
                }
            }
        }
        return n;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @SuppressWarnings("java:S106")
    private static void out(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
    }
}
