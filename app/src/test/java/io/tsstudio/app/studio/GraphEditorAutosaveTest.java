package io.tsstudio.app.studio;

import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.session.AutosaveEntry;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.preferences.StudioDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graph-editor work is protected like code: it is autosaved, the quit prompt lists it, and a studio started over the
 * same data directory after a kill (here: a second view model while the first was never shut down) recovers it.
 */
class GraphEditorAutosaveTest {
    @TempDir
    Path home;

    private StudioViewModel studio(StudioDirs dirs) {
        return new StudioViewModel(new EngineModelBackend(OperatorCatalog.EMPTY), dirs, Runnable::run, new LogConsole(Runnable::run));
    }

    @Test
    void anEditedGraphIsListedAutosavedAndRecoveredAfterAKill() throws Exception {
        StudioDirs dirs = StudioDirs.under(home);
        StudioViewModel first = studio(dirs);
        GraphEditorViewModel graph = first.newGraphModel();
        assertFalse(graph.isDirty(), "a new, empty graph has nothing to lose");
        assertTrue(first.unsavedWork().isEmpty(), first.unsavedWork().toString());

        GraphDocument doc = graph.document();
        Block x = Blocks.input(doc, "x", "Tensor", 0, 0);
        graph.run(Commands.addBlock(x));
        Block relu = Blocks.module(doc, "ReLU", 250, 0);
        graph.run(Commands.addBlock(relu));
        Block out = Blocks.output(doc, "out", 500, 0);
        graph.run(Commands.addBlock(out));
        graph.connect(x.id(), "value", relu.id(), "input");
        graph.connect(relu.id(), "output", out.id(), "value");
        assertTrue(graph.isDirty());
        assertEquals(List.of("Graph: model"), first.unsavedWork(), "the quit prompt lists the graph");

        first.autosaveNow().get(30, TimeUnit.SECONDS);
        GraphDocument edited = Commands.snapshot(doc);
        // killed: no shutdown, no clean exit; a new session starts over the same data directory

        StudioViewModel second = studio(dirs);
        List<AutosaveEntry> pending = second.pendingRecovery();
        assertEquals(1, pending.size(), pending.toString());
        assertEquals(StudioViewModel.GRAPH_MODEL, pending.get(0).kind());
        assertEquals("Graph: model", pending.get(0).name());
        second.recover(pending).get(30, TimeUnit.SECONDS);

        assertEquals(1, second.graphEditors().size());
        GraphEditorViewModel recovered = second.graphEditors().get(0);
        assertTrue(recovered.document().sameContent(edited), "the blocks, settings and connections came back");
        assertTrue(recovered.isDirty(), "recovered work is still unsaved");
        assertEquals(List.of("Graph: model"), second.unsavedWork(), "and the quit prompt lists it again");
        assertTrue(second.pendingRecovery().isEmpty(), "a recovered entry is not offered twice");

        // Further edits are autosaved under the recovered editor; saving it (clean) removes its entry.
        recovered.run(Commands.addBlock(Blocks.constant(recovered.document(), 3L, 0, 200)));
        second.autosaveNow().get(30, TimeUnit.SECONDS);
        List<AutosaveEntry> again = studio(dirs).pendingRecovery();
        assertEquals(1, again.size());
        assertTrue(again.get(0).text().contains("\"CONSTANT\""), again.get(0).text());
        recovered.markSaved();
        second.autosaveNow().get(30, TimeUnit.SECONDS);
        assertTrue(studio(dirs).pendingRecovery().isEmpty(), "a clean graph leaves no autosave");
        assertTrue(second.unsavedWork().isEmpty());

        second.shutdown();
        first.close();
    }

    @Test
    void closingAGraphEditorDropsItsAutosave() throws Exception {
        StudioDirs dirs = StudioDirs.under(home);
        StudioViewModel vm = studio(dirs);
        GraphEditorViewModel graph = vm.newGraphModel();
        graph.run(Commands.addBlock(Blocks.input(graph.document(), "x", "Tensor", 0, 0)));
        vm.autosaveNow().get(30, TimeUnit.SECONDS);
        assertEquals(1, vm.pendingRecovery().size());
        vm.closeGraphEditor(graph);
        assertTrue(vm.pendingRecovery().isEmpty(), "a closed (discarded) graph is not recovered later");
        assertTrue(vm.graphEditors().isEmpty());
        vm.shutdown();
    }
}
