package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.graph.model.GraphFixtures;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.bench.TransformerArchive;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Renders the README screenshots in a real window (run under Xvfb, BUILD-NOTES §4): a small fixture with its nested
 * modules open and a node traced, and the 10,000-node benchmark model with one block opened.
 * Args: output folder (default docs/screenshots).
 */
public final class GraphScreenshots {
    private GraphScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        GraphPane pane = fx(GraphPane::new);
        Stage stage = fx(() -> {
            Stage s = new Stage();
            s.setTitle("TorchScript Studio - graph");
            s.setScene(new Scene(pane, 1280, 800));
            s.show();
            return s;
        });
        try (ScriptModule small = Jit.load(GraphFixtures.pytorch("l1000_100_10.script.dat"))) {
            run(() -> pane.show(small, "forward"));
            await(pane);
            GraphViewModel vm = pane.viewModel();
            GraphNode seq = vm.root().nodes().get(1);
            run(() -> vm.expand(seq));
            await(pane);
            GraphNode lin = seq.content().nodes().get(1);
            run(() -> vm.expand(lin));
            await(pane);
            GraphNode linear = lin.content().nodes().stream().filter(n -> n.title().equals("linear")).findFirst().orElseThrow();
            run(() -> {
                vm.select(linear);
                vm.traceSelected();
                pane.canvas().fit();
            });
            shoot(stage, out.resolve("graph-small.png"));
        }
        try (ScriptModule large = Jit.load(TransformerArchive.archive(175))) {
            run(() -> pane.show(large, "forward"));
            await(pane);
            GraphViewModel vm = pane.viewModel();
            GraphNode b1 = vm.root().nodes().get(2);
            run(() -> vm.expand(b1));
            await(pane);
            GraphNode attn = b1.content().nodes().stream().filter(n -> n.title().startsWith("attn")).findFirst().orElseThrow();
            run(() -> vm.expand(attn));
            await(pane);
            GraphNode softmax = attn.content().nodes().stream().filter(n -> n.title().equals("softmax")).findFirst().orElseThrow();
            run(() -> {
                vm.select(softmax);
                double z = 0.62;
                pane.canvas().setCamera(z, (pane.canvas().getWidth() - pane.canvas().scene().width() * z) / 2, 10);
            });
            shoot(stage, out.resolve("graph-large.png"));
        }
        Platform.exit();
    }

    private static void await(GraphPane pane) throws Exception {
        fx(pane::layoutDone).get(120, TimeUnit.SECONDS);
        fx(() -> null);
    }

    private static void shoot(Stage stage, Path file) throws Exception {
        Thread.sleep(300);
        fx(() -> null);
        var image = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    private static void run(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T fx(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

}
