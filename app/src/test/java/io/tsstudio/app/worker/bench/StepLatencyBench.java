package io.tsstudio.app.worker.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tsstudio.app.worker.WorkerClient;
import io.tsstudio.app.worker.WorkerLaunch;
import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.ui.graph.layout.GraphLayoutEngine;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.ui.graph.render.GraphSvg;
import io.tsstudio.ui.graph.render.Java2DPainter;
import io.tsstudio.ui.graph.render.ScenePainter;
import io.tsstudio.ui.observe.GraphLocator;
import io.tsstudio.ui.observe.StepKind;
import io.tsstudio.ui.observe.ValueKeys;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Step latency: from Step (the command sent to the worker) to the updated highlight (the paused node found in the
 * drawn graph, revealed, selected and its viewport painted, 1280x800, by the same scene painter the canvas uses), on
 * a model of N operator nodes (default 1,000) stepped with Step over. Baseline in the same run: a worker round trip
 * that does nothing ({@code ping}). Target: under 100 ms.
 *
 * <pre>mvn -o -q -B -pl app -am test-compile && java -cp ... io.tsstudio.app.worker.bench.StepLatencyBench [nodes] [steps]</pre>
 */
public final class StepLatencyBench {
    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        StringBuilder src = new StringBuilder("def forward(x: Tensor) -> Tensor:\n    y = x\n");
        for (int i = 0; i < nodes; i++) src.append(i % 2 == 0 ? "    y = y + 1.0\n" : "    y = torch.relu(y)\n");
        src.append("    return y\n");
        Path file = Files.createTempFile("step-bench", ".py");
        Files.writeString(file, src);
        String arg = "{\"tensor\":{\"shape\":[1,64],\"fill\":\"ones\"},\"dtype\":\"float32\"}";
        try (WorkerClient client = new WorkerClient(WorkerLaunch.sameAsThisProcess());
             CompilationUnit cu = Jit.compile(src.toString()); ScriptModule m = cu.toModule("Bench")) {
            client.ready().get(120, TimeUnit.SECONDS);
            client.load(file, "cpu").get(120, TimeUnit.SECONDS);
            long[] ping = new long[steps];
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                client.request(JsonNodeFactory.instance.objectNode().put("op", "ping")).get(30, TimeUnit.SECONDS);
                ping[i] = System.nanoTime() - t0;
            }

            GraphViewModel vm = ModuleGraphs.viewModel(m, "forward");
            GraphLayoutEngine engine = new GraphLayoutEngine();
            ScenePainter painter = new ScenePainter();
            BufferedImage image = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_ARGB);
            long drawn = vm.allNodes().size();
            LinkedBlockingQueue<Frame> pauses = new LinkedBlockingQueue<>();
            CompletableFuture<?> run = client.debug(new RunRequest("forward", List.of(arg), RunPlan.single()), List.of(), true, pauses::add);
            pauses.poll(120, TimeUnit.SECONDS);
            highlight(vm, engine, painter, image, pauses, null); // the first reveal lays the section out: not a step
            long[] total = new long[steps];
            long[] worker = new long[steps];
            int done = 0;
            for (; done < steps; done++) {
                long t0 = System.nanoTime();
                client.step(StepKind.OVER);
                Frame f = pauses.poll(60, TimeUnit.SECONDS);
                if (f == null) break;
                worker[done] = System.nanoTime() - t0;
                highlight(vm, engine, painter, image, null, f);
                total[done] = System.nanoTime() - t0;
            }
            client.stopDebugging();
            run.exceptionally(e -> null).get(10, TimeUnit.SECONDS);
            double pingP50 = p(ping, steps, 50);
            System.out.printf(Locale.ROOT, "model: %d operator nodes (%d drawn), %d steps over%n", nodes, drawn, done);
            System.out.printf(Locale.ROOT, "baseline ping round trip: p50 %.2f ms%n", pingP50);
            System.out.printf(Locale.ROOT, "step -> pause (worker):  p50 %.2f ms  p90 %.2f ms  (%.1fx ping)%n",
                    p(worker, done, 50), p(worker, done, 90), p(worker, done, 50) / pingP50);
            System.out.printf(Locale.ROOT, "step -> highlight:       p50 %.2f ms  p90 %.2f ms  max %.2f ms  (%.1fx ping; target < 100 ms)%n",
                    p(total, done, 50), p(total, done, 90), p(total, done, 100), p(total, done, 50) / pingP50);
        }
    }

    /** Finds the paused node in the drawn graph, reveals and selects it, lays out if needed and paints its viewport. */
    private static void highlight(GraphViewModel vm, GraphLayoutEngine engine, ScenePainter painter, BufferedImage image,
                                  LinkedBlockingQueue<Frame> queue, Frame frame) throws InterruptedException {
        Frame f = frame != null ? frame : queue.peek();
        if (f == null) return;
        var at = f.current();
        GraphNode n = GraphLocator.find(vm.root(), ValueKeys.node(at.module(), at.method(), at.nodeId())).orElse(null);
        if (n == null) return; // a folded constant: nothing drawn to highlight
        vm.reveal(n);
        vm.select(n);
        GraphScene scene = GraphSvg.onLayoutThread(() -> engine.layout(vm.root(), vm::isExpanded));
        int i = scene.indexOf(n).orElseThrow();
        double cx = scene.x(i), cy = scene.y(i);
        Graphics2D g = image.createGraphics();
        g.clearRect(0, 0, 1280, 800);
        g.translate(640 - cx, 400 - cy);
        painter.paint(scene, new Java2DPainter(g), cx - 640, cy - 400, cx + 640, cy + 400, 1.0,
                new Highlights(n, java.util.Set.of(), java.util.Set.of(), java.util.Set.of()));
        g.dispose();
    }

    private static double p(long[] nanos, int n, double pct) {
        if (n == 0) return Double.NaN;
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        return s[(int) Math.min(n - 1, Math.round(pct / 100 * (n - 1)))] / 1e6;
    }
}
