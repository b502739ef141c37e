package io.tsstudio.ui.grapheditor.bench;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.grapheditor.EditorCanvas;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.DocumentEditor;
import io.tsstudio.ui.grapheditor.model.GeneratedScript;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ScriptGenerator;
import io.tsstudio.ui.grapheditor.script.ModelWeights;
import io.tsstudio.ui.grapheditor.script.ScriptBuilder;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Graph editor figures (prints, asserts nothing):
 * <ol>
 *   <li>a 2,000-block document: one edit (a setting, a move) to the repainted canvas frame, on the FX thread;</li>
 *   <li>a 500-block model: regenerate the TorchScript and compile it into a module.</li>
 * </ol>
 * Run headless: {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ... GraphEditorBench}.
 */
public final class GraphEditorBench {
    private GraphEditorBench() {
    }

    /** input -> (Linear(32, 32) -> ReLU) * n/2 -> output, laid out in rows like a large model on screen. */
    static GraphDocument chain(int blocks) {
        GraphDocument doc = new GraphDocument();
        DocumentEditor e = new DocumentEditor(doc);
        Block prev = Blocks.input(doc, "x", "Tensor", 0, 0);
        e.add(prev);
        String prevPort = "value";
        int pairs = (blocks - 2) / 2;
        for (int i = 0; i < pairs * 2; i++) {
            int col = (i + 1) % 12, row = (i + 1) / 12;
            Block b = Blocks.module(doc, i % 2 == 0 ? "Linear" : "ReLU", col * 220.0, row * 110.0);
            if (i % 2 == 0) b = b.withSetting("in_features", 32L).withSetting("out_features", 32L);
            e.add(b);
            e.connect(new Connection(prev.id(), prevPort, b.id(), "input"));
            prev = b;
            prevPort = "output";
        }
        Block out = Blocks.output(doc, "out", 0, (pairs * 2 / 12 + 1) * 110.0);
        e.add(out);
        e.connect(new Connection(prev.id(), prevPort, out.id(), "value"));
        return doc;
    }

    public static void main(String[] args) throws Exception {
        frameTimes();
        compileTimes();
        layoutTimes();
        Platform.exit();
    }

    private static void frameTimes() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        CompletableFuture<String> report = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                GraphDocument doc = chain(2000);
                GraphEditorViewModel vm = new GraphEditorViewModel(OperatorCatalog.EMPTY);
                List<Runnable> deferred = new ArrayList<>();
                vm.setCodeScheduler(deferred::add); // as the view does: code follows after the frame
                vm.commands().execute(Commands.replaceAll("load", doc));
                EditorCanvas canvas = new EditorCanvas(vm);
                Stage stage = new Stage();
                stage.setScene(new Scene(new StackPane(canvas), 1600, 1000));
                stage.show();
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                if (canvas.getWidth() < 1000) throw new IllegalStateException("canvas not laid out: " + canvas.getWidth());
                long framesBefore = canvas.framesPainted();
                List<Block> blocks = new ArrayList<>(vm.document().blocks());
                int n = 200;
                long[] setting = new long[n], move = new long[n], snapshot = new long[20];
                for (int i = 0; i < n + 300; i++) { // the first 300 warm the JIT up
                    Block b = blocks.get(1 + (i * 2 % 1990));
                    long t0 = System.nanoTime();
                    vm.select(b.id(), false);
                    if (b.type().equals("Linear")) vm.setProperty("out_features", "32");
                    vm.setProperty("name", b.name() + "_" + i); // an edit that changes the document every time
                    long t1 = System.nanoTime();
                    vm.moveSelection(3, 0);
                    long t2 = System.nanoTime();
                    deferred.forEach(Runnable::run);
                    deferred.clear();
                    if (i >= 300) {
                        setting[i - 300] = t1 - t0;
                        move[i - 300] = t2 - t1;
                    }
                }
                long[] paintOnly = new long[100], codegen = new long[20];
                for (int i = 0; i < paintOnly.length; i++) {
                    long t0 = System.nanoTime();
                    canvas.paint();
                    paintOnly[i] = System.nanoTime() - t0;
                }
                for (int i = 0; i < codegen.length; i++) {
                    long t0 = System.nanoTime();
                    ScriptGenerator.generate(vm.document());
                    codegen[i] = System.nanoTime() - t0;
                }
                if (canvas.framesPainted() - framesBefore < 2 * n) throw new IllegalStateException("edits did not repaint");
                emit(String.format("  (paint alone median %.2f ms; code regeneration alone median %.2f ms)%n", ms(pct(paintOnly, 50)), ms(pct(codegen, 50))));
                // the same frame rasterised (snapshot renders the canvas like a pulse does)
                for (int i = 0; i < snapshot.length; i++) {
                    long t0 = System.nanoTime();
                    vm.moveSelection(1, 0);
                    WritableImage img = canvas.snapshot(null, null);
                    snapshot[i] = System.nanoTime() - t0;
                    if (img.getWidth() < 1) throw new IllegalStateException("empty frame");
                }
                stage.close();
                report.complete(String.format("2,000-block document (%d blocks, %d connections), %d edits each:%n"
                                + "  rename -> repainted frame   median %.2f ms, p95 %.2f ms, max %.2f ms%n"
                                + "  move   -> repainted frame   median %.2f ms, p95 %.2f ms, max %.2f ms%n"
                                + "  move   -> rasterised frame  median %.2f ms (canvas snapshot, software pipeline)%n",
                        vm.document().size(), vm.document().connections().size(), n,
                        ms(pct(setting, 50)), ms(pct(setting, 95)), ms(pct(setting, 100)),
                        ms(pct(move, 50)), ms(pct(move, 95)), ms(pct(move, 100)), ms(pct(snapshot, 50))));
            } catch (Throwable t) {
                report.completeExceptionally(t);
            }
        });
        emit(report.get(300, TimeUnit.SECONDS));
    }

    private static void layoutTimes() {
        GraphDocument doc = chain(2000);
        long[] t = new long[3];
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            Map<String, double[]> pos = io.tsstudio.ui.grapheditor.AutoLayout.positions(doc, java.util.Set.of());
            if (i > 0) t[i - 1] = System.nanoTime() - t0;
            if (pos.size() != 2000) throw new IllegalStateException("layout placed " + pos.size() + " blocks");
        }
        emit(String.format("ELK auto-layout of the 2,000-block document: median %.0f ms%n", ms(pct(t, 50))));
    }

    private static void compileTimes() {
        GraphDocument doc = chain(500);
        long[] gen = new long[5], build = new long[5];
        try (ModelWeights w = new ModelWeights()) {
            for (int i = 0; i < 6; i++) { // first is warm-up
                long t0 = System.nanoTime();
                GeneratedScript g = ScriptGenerator.generate(doc);
                long t1 = System.nanoTime();
                try (ScriptModule m = ScriptBuilder.build(g, w).module()) {
                    long t2 = System.nanoTime();
                    if (i > 0) {
                        gen[i - 1] = t1 - t0;
                        build[i - 1] = t2 - t1;
                    }
                    if (m.submodules().size() != 498) throw new IllegalStateException("expected 498 submodules, got " + m.submodules().size());
                }
            }
        }
        emit(String.format("500-block model (%d source lines):%n  regenerate code  median %.2f ms%n  compile module   median %.1f ms"
                        + " (submodules registered with parameters, forward compiled)%n  together         median %.1f ms%n",
                ScriptGenerator.generate(doc).source().split("\n").length, ms(pct(gen, 50)), ms(pct(build, 50)),
                ms(pct(gen, 50) + pct(build, 50))));
    }

    private static long pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    @SuppressWarnings("java:S106") // a harness prints its figures
    private static void emit(String s) {
        System.out.print(s);
    }
}
