package io.tsstudio.ui.editor.bench;

import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.CodeEditorView;
import io.tsstudio.ui.editor.CompletionProvider;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.editor.SourceChecker;
import io.tsstudio.ui.theme.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Prints the time from a keystroke to updated highlighting in a 2,000-line file: an edit is made on the FX thread,
 * and the clock stops when the highlighter's spans for that text have been applied to the area.
 * Run headless: {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp <test classpath>
 * io.tsstudio.ui.editor.bench.HighlightBenchmark}, or under a display.
 */
public final class HighlightBenchmark {
    private HighlightBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String line = "    y = torch.matmul(x, self.weight.t()) + self.bias  # projection %d\n";
        StringBuilder sb = new StringBuilder("def forward(self, x: Tensor) -> Tensor:\n");
        for (int i = 1; i < 2000; i++) sb.append(String.format(Locale.ROOT, line, i));
        String text = sb.toString();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CompletableFuture<CodeEditorView> viewF = new CompletableFuture<>();
        Platform.runLater(() -> {
            EditorViewModel vm = new EditorViewModel(BufferKind.SCRIPT, "big.py", null, text, SourceChecker.NONE, Platform::runLater);
            CodeEditorView view = new CodeEditorView(vm, new CompletionProvider(OperatorCatalog.EMPTY, List::of));
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1000, 800);
            scene.getStylesheets().addAll(Theme.LIGHT.stylesheets());
            stage.setScene(scene);
            stage.show();
            viewF.complete(view);
        });
        CodeEditorView view = viewF.get(30, TimeUnit.SECONDS);
        Random random = new Random(1);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int pos = random.nextInt(text.length());
            CompletableFuture<Long> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                view.codeArea().insertText(Math.min(pos, view.codeArea().getLength()), "q");
                poll(view, t0, done);
            });
            long nanos = done.get(30, TimeUnit.SECONDS);
            if (i >= 10) times.add(nanos / 1e6); // the first edits warm up the JIT
            Thread.sleep(30);
        }
        times.sort(Double::compare);
        System.out.printf(Locale.ROOT, "keystroke -> highlighting applied, 2,000 lines (%d edits): min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                times.size(), times.get(0), times.get(times.size() / 2), times.get(times.size() * 9 / 10), times.get(times.size() - 1));
        Platform.exit();
    }

    private static void poll(CodeEditorView view, long t0, CompletableFuture<Long> done) {
        if (view.isHighlightCurrent()) done.complete(System.nanoTime() - t0);
        else Platform.runLater(() -> poll(view, t0, done));
    }
}
