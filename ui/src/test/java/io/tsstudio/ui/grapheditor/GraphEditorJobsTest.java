package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.concurrent.UiThread;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ModelFixtures;
import io.tsstudio.ui.run.RunBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graph editor's model work as jobs, against a fake session (no LibTorch): a test-owned "UI thread" drives the
 * view model, the runner's lanes do the work, and the document is edited while a job is held inside the session.
 */
class GraphEditorJobsTest {
    private static final OperatorCatalog OPS = OperatorCatalog.ofSchemas(List.of(ModelFixtures.ADD_TENSOR));

    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final TaskRunner runner = TaskRunner.withOwnLanes(UiThread.of(uiThread, () -> Thread.currentThread().getName().equals("test-ui")), 1);
    private final FakeModelSession session = new FakeModelSession();
    private GraphEditorViewModel vm;

    @TempDir
    Path dir;

    @BeforeEach
    void create() throws Exception {
        vm = onUi(() -> {
            GraphEditorViewModel v = new GraphEditorViewModel(new GraphDocument(), OPS, runner, session);
            v.setScratchRoot(dir.resolve("scratch"));
            v.commands().execute(Commands.replaceAll("load", ModelFixtures.mlp().document()));
            return v;
        });
    }

    @AfterEach
    void stop() throws Exception {
        onUi(() -> {
            vm.dispose();
            return null;
        });
        runner.close();
        uiThread.shutdownNow();
    }

    private <T> T onUi(Callable<T> c) throws Exception {
        return uiThread.submit(c).get(10, TimeUnit.SECONDS);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private Block addConstant() throws Exception {
        return onUi(() -> {
            Block c = Blocks.constant(vm.document(), 7L, 5, 5);
            assertTrue(vm.run(Commands.addBlock(c)));
            return c;
        });
    }

    @Test
    void editsDuringABackgroundCompileSurvive() throws Exception {
        int before = onUi(() -> vm.document().size());
        session.hold("compile");
        CompletableFuture<Boolean> compiled = onUi(vm::compile);
        session.awaitEntered("compile");
        Block added = addConstant(); // the canvas takes edits while the session compiles
        session.release("compile");
        assertTrue(await(compiled), onUi(() -> vm.statusProperty().get()));

        assertEquals(before, session.snapshots.get("compile").size(), "the job compiled the document as it was when it started");
        assertTrue(onUi(() -> vm.document().find(added.id()).isPresent()), "the edit made meanwhile is still there");
        assertEquals(before + 1, (int) onUi(() -> vm.document().size()));
        String status = onUi(() -> vm.statusProperty().get());
        assertTrue(status.startsWith("Compiled ") && status.endsWith(": " + before + " blocks"), status);
        assertEquals(Optional.of("scripted"), onUi(vm::moduleOrigin));
    }

    @Test
    void saveAndAutoLayoutRunOffTheUiThread() throws Exception {
        Path file = dir.resolve("m.pt");
        assertTrue(await(onUi(() -> vm.save(file))));
        assertEquals(file.toAbsolutePath().normalize(), onUi(vm::file));
        assertFalse(onUi(vm::isDirty));
        assertTrue(await(onUi(vm::autoLayout)));
        assertTrue(session.threads.get("save").startsWith("engine-job"), session.threads.toString());
        assertTrue(session.threads.get("layout").startsWith("layout-job"), session.threads.toString());
        assertTrue(onUi(vm::isDirty), "the layout is an edit");
    }

    @Test
    void editsDuringASaveAreKeptAndLeaveTheEditorDirty() throws Exception {
        int before = onUi(() -> vm.document().size());
        Path file = dir.resolve("m.pt");
        session.hold("save");
        CompletableFuture<Boolean> saved = onUi(() -> vm.save(file));
        session.awaitEntered("save");
        Block added = addConstant();
        session.release("save");
        assertTrue(await(saved));
        assertEquals(before + " blocks", Files.readString(file), "the file holds the snapshot");
        assertTrue(onUi(vm::isDirty), "the edit made while saving is not in the file, so the editor stays dirty");
        assertTrue(onUi(() -> vm.document().find(added.id()).isPresent()));
        assertTrue(onUi(() -> vm.statusProperty().get()).endsWith("edits made while saving are not in it yet"));
    }

    @Test
    void editsDuringAutoLayoutSurvive() throws Exception {
        List<String> ids = onUi(() -> vm.document().blocks().stream().map(Block::id).toList());
        session.hold("layout");
        CompletableFuture<Boolean> laidOut = onUi(vm::autoLayout);
        session.awaitEntered("layout");
        Block added = addConstant();
        onUi(() -> vm.run(Commands.removeBlocks(List.of(ids.get(0)))));
        session.release("layout");
        assertTrue(await(laidOut), onUi(() -> vm.statusProperty().get()));
        Block addedNow = onUi(() -> vm.document().block(added.id()));
        assertEquals(5.0, addedNow.x(), "a block added during the layout stays where it was put");
        assertTrue(onUi(() -> vm.document().find(ids.get(0)).isEmpty()), "a block deleted during the layout stays deleted");
        assertEquals(1100.0, onUi(() -> vm.document().block(ids.get(1)).x()), "the others moved to the computed positions");
    }

    @Test
    void codeAppliedWhileTheCanvasWasEditedKeepsTheEdits() throws Exception {
        session.applied = new ModelSession.Applied(new GraphDocument(), List.of(), "graph()");
        session.hold("applyCode");
        CompletableFuture<List<String>> applied = onUi(() -> vm.applyCode("def forward(self, x):\n    return x\n"));
        session.awaitEntered("applyCode");
        Block added = addConstant();
        session.release("applyCode");
        List<String> problems = await(applied);
        assertEquals(List.of("The graph was edited while the code compiled; the edits are kept. Apply the code again to use it"), problems);
        assertTrue(onUi(() -> vm.document().find(added.id()).isPresent()));
        assertTrue(onUi(() -> vm.document().size()) > 1, "the applied (empty) document did not replace the edited one");
    }

    @Test
    void anOpenDuringEditsIsOneUndoableStep() throws Exception {
        GraphDocument opened = ModelFixtures.cnn().document();
        session.toOpen = opened;
        session.hold("open");
        CompletableFuture<List<String>> open = onUi(() -> vm.open(dir.resolve("cnn.pt")));
        session.awaitEntered("open");
        Block added = addConstant();
        session.release("open");
        assertEquals(List.of(), await(open));
        assertTrue(onUi(() -> vm.document().sameContent(opened)));
        onUi(() -> {
            vm.undo();
            return null;
        });
        assertTrue(onUi(() -> vm.document().find(added.id()).isPresent()), "Undo brings back the edit made while the file was read");
    }

    @Test
    void aSecondJobIsRefusedWhileOneRunsAndAClosedEditorFreesTheSessionAfterIt() throws Exception {
        session.hold("compile");
        CompletableFuture<Boolean> compiled = onUi(vm::compile);
        session.awaitEntered("compile");
        assertFalse(await(onUi(vm::trace)), "refused at once");
        assertEquals("Still compiling; wait for it to finish", onUi(() -> vm.statusProperty().get()));
        assertTrue(onUi(() -> vm.statusIsErrorProperty().get()));
        onUi(() -> {
            vm.dispose();
            return null;
        });
        assertFalse(session.closed, "the session stays while the job uses it");
        session.release("compile");
        await(compiled);
        assertTrue(onUi(() -> session.closed), "closed once the job is done");
        assertFalse(await(onUi(vm::compile)), "a closed editor starts no job");
    }

    @Test
    void aRunSendsTheExportedModelToTheRunBackend() throws Exception {
        RecordingBackend backend = new RecordingBackend();
        onUi(() -> {
            vm.setRunBackend(backend);
            return null;
        });
        assertTrue(await(onUi(vm::runExample)), onUi(() -> vm.statusProperty().get()));
        assertTrue(backend.loaded.getFileName().toString().endsWith("model.pt"));
        assertEquals(List.of("{\"tensor\": {\"shape\": [1, 4], \"fill\": \"ones\"}}"), backend.request.argsJson());
        assertEquals("forward", backend.request.method());
        assertEquals("Output of the scripted module:\nTensor [1, 2] float32\n", onUi(() -> vm.resultProperty().get()));
        assertEquals("Ran the scripted module in the worker process", onUi(() -> vm.statusProperty().get()));
        assertFalse(Files.exists(backend.loaded), "the run's scratch copy is removed once the worker has run it");
    }

    @Test
    void aRunWithoutAWorkerSaysSo() throws Exception {
        assertFalse(await(onUi(vm::runExample)));
        assertEquals("Cannot run: no worker process to run the model in", onUi(() -> vm.statusProperty().get()));
    }

    @Test
    void viewModelEntryPointsRefuseOtherThreads() {
        IllegalStateException e = assertThrows(IllegalStateException.class, vm::compile);
        assertTrue(e.getMessage().contains("view models belong to the UI thread"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> vm.run(Commands.retitle("x")));
        assertNotEquals("test-ui", Thread.currentThread().getName());
    }

    /** Records what the view model asks of the worker; answers with a one-tensor output. */
    private static final class RecordingBackend implements RunBackend {
        volatile Path loaded;
        volatile RunRequest request;

        @Override
        public CompletableFuture<DeviceList> devices() {
            return CompletableFuture.completedFuture(new DeviceList(List.of("cpu"), false));
        }

        @Override
        public CompletableFuture<List<MethodInfo>> load(Path model, String device) {
            loaded = model;
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<ProposedInput>> propose(String method) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<RunOutcome> run(RunRequest r, RunListener progress) {
            request = r;
            return CompletableFuture.supplyAsync(() -> new RunOutcome("[]", new OutputNode("output", "tensor", "Tensor [1, 2] float32", null, List.of()), null, "cpu", "single call", 1));
        }

        @Override
        public CompletableFuture<Void> saveOutput(List<Integer> path, Path file) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void cancel() {
        }
    }
}
