package io.tsstudio.ui.session;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.editor.Diagnostic;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.editor.SourceChecker;
import io.tsstudio.ui.graph.model.GraphFixtures;
import io.tsstudio.ui.graph.layout.GraphLayoutEngine;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a model tab while its code is being checked (define() on the editor's shadow copy) and its graph is
 * being read and laid out: issue 13 item 4. 1,000 rounds; a check gives diagnostics or nothing, a graph read gives the graph or
 * the "closed" error, and nothing frees a module under a running call (which crashed the JVM before).
 */
class CheckWhileClosingTest {
    @Test
    void closingAModelWhileChecksAndGraphReadsRunThousandTimes() throws Exception {
        EngineModelBackend backend = new EngineModelBackend(OperatorCatalog.EMPTY);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger graphs = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        java.util.Random random = new java.util.Random(11);
        try {
            for (int round = 0; round < 1000; round++) {
                OpenedFile.Model opened = (OpenedFile.Model) backend.open(GraphFixtures.pytorch("linrelu.script.dat"));
                OpenModel model = opened.model();
                Map.Entry<String, String> root = opened.codeByClass().entrySet().iterator().next();
                SourceChecker checker = backend.classCodeChecker(model, root.getKey());
                String broken = root.getValue().replace("return", "return undefined_name +");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 3; i++) {
                        List<Diagnostic> ok = checker.check(root.getValue());
                        List<Diagnostic> bad = checker.check(broken);
                        assertTrue(ok.isEmpty(), "the model's own code checks clean: " + ok);
                        // empty once the model is closed; otherwise the undefined name is reported
                        assertTrue(bad.isEmpty() || bad.get(0).message().contains("undefined_name"), bad.toString());
                        checks.incrementAndGet();
                    }
                    return null;
                }));
                work.add(pool.submit(() -> {
                    go.await();
                    ScriptModule m = model.module();
                    for (int i = 0; i < 20; i++) {
                        try {
                            // what the graph view does: read the IR, open every group (subgraphs load from the module), lay out
                            GraphViewModel vm = ModuleGraphs.viewModel(m, "forward");
                            vm.expandAll();
                            GraphScene scene = new GraphLayoutEngine().layout(vm.root(), vm::isExpanded);
                            assertTrue(scene.nodeCount() > 0);
                            graphs.incrementAndGet();
                        } catch (IllegalStateException e) {
                            assertTrue(e.getMessage().endsWith(" is closed") && e.getMessage().startsWith("module __torch__."), e.getMessage());
                            refused.incrementAndGet();
                            return null;
                        }
                    }
                    return null;
                }));
                go.countDown();
                Thread.sleep(random.nextInt(3));
                backend.close(model);
                for (Future<?> f : work) f.get(60, TimeUnit.SECONDS);
                assertTrue(model.module().isClosed());
                assertTrue(model.module().nativeHandle().isFreed(), "round " + round + ": freed after the last call");
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(checks.get() > 0 && graphs.get() > 0, "checks " + checks + ", graph reads " + graphs);
        assertEquals(true, refused.get() > 0, "some graph reads met the closed module: " + refused);
    }
}
