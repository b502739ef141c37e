package io.tsstudio.ui.concurrent.bench;

import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.concurrent.UiThread;
import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ModelFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What TaskRunner changed, in one run: (1) threads started by many open editor buffers (they used to start one each);
 * (2) how long a graph editor's Save holds the UI thread, in place (as before: compile and write on the caller)
 * against as a job (snapshot on the caller, compile and write on the engine lane). Prints figures, asserts nothing.
 * Run: mvn -o -q -pl ui -am test-compile, then java -cp ... BackgroundWorkBench [buffers] [saves]
 */
public final class BackgroundWorkBench {
    private BackgroundWorkBench() {
    }

    public static void main(String[] args) throws Exception {
        int buffers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int saves = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        bufferThreads(buffers);
        saveOnTheUiThread(saves);
    }

    private static void bufferThreads(int n) throws Exception {
        int before = Thread.activeCount();
        List<EditorViewModel> open = new ArrayList<>();
        TaskRunner runner = TaskRunner.on(UiThread.sameThread());
        for (int i = 0; i < n; i++) {
            EditorViewModel b = new EditorViewModel("b" + i, BufferKind.SCRIPT, "s" + i + ".py", null, "x = " + i, src -> {
                sleep(20);
                return List.of();
            }, runner);
            b.setCheckDelayMillis(0);
            b.requestCheck();
            open.add(b);
        }
        Thread.sleep(200);
        int during = Thread.activeCount();
        System.out.printf(Locale.ROOT, "buffers: %d open, each checking; threads before %d, while checking %d (+%d; one per buffer before TaskRunner: +%d)%n",
                n, before, during, during - before, n);
        open.forEach(EditorViewModel::close);
    }

    private static void saveOnTheUiThread(int saves) throws Exception {
        Path dir = Files.createTempDirectory("bench-save");
        GraphDocument cnn = ModelFixtures.cnn().document();
        double inPlace = 0, asJob = 0, jobTotal = 0;
        GraphEditorViewModel blocking = new GraphEditorViewModel(new GraphDocument(), () -> List.of());
        blocking.commands().execute(Commands.replaceAll("load", cnn));
        blocking.save(dir.resolve("warm.pt")).join();
        for (int i = 0; i < saves; i++) {
            long t0 = System.nanoTime();
            blocking.save(dir.resolve("a" + i + ".pt")).join();
            inPlace += (System.nanoTime() - t0) / 1e6;
        }
        blocking.dispose();

        ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-ui"));
        TaskRunner runner = TaskRunner.on(UiThread.of(uiThread, () -> Thread.currentThread().getName().equals("bench-ui")));
        GraphEditorViewModel background = uiThread.submit(() -> {
            GraphEditorViewModel v = new GraphEditorViewModel(new GraphDocument(), () -> List.of(), runner);
            v.commands().execute(Commands.replaceAll("load", cnn));
            return v;
        }).get();
        uiThread.submit(() -> background.save(dir.resolve("warm2.pt"))).get().get(60, TimeUnit.SECONDS);
        for (int i = 0; i < saves; i++) {
            Path f = dir.resolve("b" + i + ".pt");
            long t0 = System.nanoTime();
            var done = uiThread.submit(() -> {
                long s = System.nanoTime();
                var future = background.save(f);
                return new Object[] {future, (System.nanoTime() - s) / 1e6};
            }).get();
            asJob += (double) done[1];
            ((java.util.concurrent.CompletableFuture<?>) done[0]).get(60, TimeUnit.SECONDS);
            jobTotal += (System.nanoTime() - t0) / 1e6;
        }
        uiThread.submit(background::dispose).get();
        uiThread.shutdown();
        System.out.printf(Locale.ROOT, "graph editor save (small CNN), mean of %d: UI thread held %.2f ms in place vs %.2f ms as a job (%.0fx less); the job's save took %.2f ms end to end%n",
                saves, inPlace / saves, asJob / saves, (inPlace / saves) / Math.max(1e-3, asJob / saves), jobTotal / saves);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
