package io.tsstudio.app.studio;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.graph.layout.GraphLayoutEngine;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.ui.preferences.StudioDirs;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.session.OpenModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 4, the studio part: the studio's model (its buffers with live checks, its models) is closed while
 * calls, checks and graph layouts run on it, 1,000 times. Closing ends the buffers' checks and closes the model the way
 * the window does on quit and on a tab close; a call, check or layout in flight either finishes or meets the clear
 * "closed" error, and nothing frees a module under a running call (which crashed the JVM before issue 13).
 */
class CloseStudioWhileWorkingTest {
    @TempDir
    Path home;

    @Test
    void closingTheStudioWhileCallsChecksAndLayoutsRunThousandTimes() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        EngineModelBackend backend = new EngineModelBackend(OperatorCatalog.EMPTY);
        StudioDirs dirs = StudioDirs.under(home);
        Path model = SharedFixtures.pytorch("linrelu.script.dat");
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger layouts = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Random random = new Random(13);
        try {
            for (int round = 0; round < 1000; round++) {
                StudioViewModel vm = on(ui, () -> new StudioViewModel(backend, dirs, ui, new LogConsole(ui)));
                on(ui, () -> vm.open(model)).get(60, TimeUnit.SECONDS);
                OpenModel opened = on(ui, () -> vm.models().get(0));
                EditorViewModel code = on(ui, () -> vm.buffers().stream().filter(b -> b.kind() == BufferKind.MODULE_CODE)
                        .findFirst().orElseThrow());
                ScriptModule m = opened.module();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                work.add(pool.submit(() -> {
                    go.await();
                    try (Tensor x = Tensors.ones(new long[] {2, 10})) {
                        for (int i = 0; i < 20; i++) {
                            Object out = m.forward(x);
                            ((Tensor) out).close();
                            calls.incrementAndGet();
                        }
                    } catch (IllegalStateException e) {
                        assertClosed(e);
                        refused.incrementAndGet();
                    }
                    return null;
                }));
                work.add(pool.submit(() -> {
                    go.await();
                    try {
                        GraphViewModel g = ModuleGraphs.viewModel(m, "forward");
                        g.expandAll();
                        assertTrue(new GraphLayoutEngine().layout(g.root(), g::isExpanded).nodeCount() > 0);
                        layouts.incrementAndGet();
                    } catch (IllegalStateException e) {
                        assertClosed(e);
                        refused.incrementAndGet();
                    }
                    return null;
                }));
                // an edit starts a live check (define() on the editor's shadow copy of the module)
                on(ui, () -> {
                    code.setCheckDelayMillis(0);
                    code.replaceText(code.text() + "\n");
                    return null;
                });
                go.countDown();
                Thread.sleep(random.nextInt(3));
                on(ui, () -> {
                    vm.close();
                    backend.close(opened);
                    return null;
                });
                for (Future<?> f : work) f.get(60, TimeUnit.SECONDS);
                assertTrue(m.isClosed(), "round " + round + ": the model is closed");
            }
        } finally {
            pool.shutdownNow();
            ui.shutdownNow();
        }
        assertTrue(calls.get() > 0 && layouts.get() > 0, "calls " + calls + ", layouts " + layouts);
        assertTrue(refused.get() > 0, "some work met the closed model: " + refused);
    }

    private static void assertClosed(IllegalStateException e) {
        assertTrue(e.getMessage() != null && e.getMessage().endsWith(" is closed"), String.valueOf(e.getMessage()));
    }

    private static <T> T on(ExecutorService ui, Callable<T> c) throws Exception {
        return ui.submit(c).get(60, TimeUnit.SECONDS);
    }
}
