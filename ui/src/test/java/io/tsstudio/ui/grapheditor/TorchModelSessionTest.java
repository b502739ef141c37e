package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.concurrent.UiThread;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ModelFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real session on LibTorch: what it refuses on the UI thread, and what it writes for the worker. */
class TorchModelSessionTest {
    @TempDir
    Path dir;

    @Test
    void engineCallsOnTheUiThreadAreCaughtBeforeTheyBlock() {
        // this test's thread plays the UI thread
        Thread me = Thread.currentThread();
        TaskRunner runner = TaskRunner.on(UiThread.of(Runnable::run, () -> Thread.currentThread() == me));
        GraphDocument mlp = ModelFixtures.mlp().document();
        try (TorchModelSession session = new TorchModelSession(runner)) {
            IllegalStateException compile = assertThrows(IllegalStateException.class, () -> session.compile(mlp));
            assertEquals("the graph editor's compile was called on the UI thread ('" + me.getName()
                    + "'); it blocks, so it must run as a TaskRunner job", compile.getMessage());
            Path file = dir.resolve("m.pt");
            assertThrows(IllegalStateException.class, () -> session.save(mlp, file));
            assertFalse(Files.exists(file), "nothing was written");
            assertThrows(IllegalStateException.class, () -> session.layout(mlp, Set.of()));
            assertThrows(IllegalStateException.class, () -> session.open(file));
            assertTrue(session.module().isEmpty(), "nothing was compiled");
        }
    }

    @Test
    void exportWritesTheModelAndItsExampleInputsForTheWorker() throws Exception {
        try (TorchModelSession session = new TorchModelSession(TaskRunner.sameThread())) {
            GraphDocument mlp = ModelFixtures.mlp().document();
            ModelSession.RunnableModel m = session.export(mlp, dir.resolve("run"));
            assertTrue(Files.size(m.file()) > 0);
            assertEquals(1, m.argsJson().size());
            assertTrue(m.argsJson().get(0).startsWith("{\"file\":"), m.argsJson().toString());
            assertTrue(session.module().isPresent(), "exporting without a module compiled one");
        }
    }
}
