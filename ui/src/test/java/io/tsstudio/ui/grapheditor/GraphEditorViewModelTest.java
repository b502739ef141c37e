package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ModelFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphEditorViewModelTest {
    private static final OperatorCatalog OPS = OperatorCatalog.ofSchemas(List.of(ModelFixtures.ADD_TENSOR, ModelFixtures.FLATTEN, ModelFixtures.MAX_DIM,
            ModelFixtures.SUM_DIM, "aten::relu(Tensor self) -> Tensor", "aten::hardtanh(Tensor self, Scalar min_val=-1, Scalar max_val=1) -> Tensor",
            "prim::TupleUnpack(Any tup) -> ..."));

    private static PaletteEntry entry(GraphEditorViewModel vm, String title) {
        return vm.searchPalette(title).stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void paletteFindsModulesAndOperatorsBySearch() {
        GraphEditorViewModel vm = new GraphEditorViewModel(OPS);
        List<String> first = vm.searchPalette("relu").subList(0, 2).stream().map(PaletteEntry::title).sorted().toList();
        assertEquals(List.of("ReLU", "aten::relu"), first, "exact names come before hardtanh-like partial matches");
        assertTrue(vm.searchPalette("linear").stream().anyMatch(e -> e.title().equals("Linear")));
        assertTrue(vm.searchPalette("keepdim").stream().anyMatch(e -> e.title().equals("aten::max.dim")), "schemas are searched too");
        assertTrue(vm.searchPalette("TupleUnpack").isEmpty(), "prim plumbing is not offered");
    }

    @Test
    void buildAnMlpByGesturesAndSeeTheCode() {
        GraphEditorViewModel vm = new GraphEditorViewModel(OPS);
        Block x = vm.drop(entry(vm, "Input"), 0, 0).orElseThrow();
        Block fc = vm.drop(entry(vm, "Linear"), 200, 0).orElseThrow();
        assertEquals(Optional.empty(), vm.setProperty("in_features", "4"));
        assertEquals(Optional.empty(), vm.setProperty("out_features", "2"));
        assertEquals(Optional.of("'four' is not an int"), vm.setProperty("in_features", "four"));
        Block out = vm.drop(entry(vm, "Output"), 400, 0).orElseThrow();
        assertEquals(Optional.empty(), vm.connect(x.id(), "value", fc.id(), "input"));
        assertEquals(Optional.empty(), vm.connect(fc.id(), "output", out.id(), "value"));
        assertTrue(vm.codeProperty().get().contains("    linear = self.linear.forward(x)\n    return linear\n"), vm.codeProperty().get());
        vm.select(fc.id(), false);
        PropertyRow in = vm.properties().stream().filter(r -> r.key().equals("in_features")).findFirst().orElseThrow();
        assertEquals("4", in.text());

        // ports are found where the canvas draws them
        Block fcNow = vm.document().block(fc.id());
        assertEquals(Optional.of(new PortHit(fc.id(), "input", false)),
                vm.portAt(BlockGeometry.inputX(fcNow), BlockGeometry.inputY(fcNow, 0)));
        assertEquals(Optional.of(fcNow), vm.blockAt(fcNow.x() + 50, fcNow.y() + 10));
    }

    @Test
    void refusedConnectionShowsTheReason() {
        GraphEditorViewModel vm = new GraphEditorViewModel(OPS);
        Block x = vm.drop(entry(vm, "Input"), 0, 0).orElseThrow();
        vm.setProperty("type", "int");
        Block relu = vm.drop(entry(vm, "ReLU"), 200, 0).orElseThrow();
        Optional<String> why = vm.connect(x.id(), "value", relu.id(), "input");
        assertEquals(Optional.of("type mismatch: input 'input' of 'relu' (ReLU) takes Tensor, but output 'value' of input 'x' gives int"), why);
        assertTrue(vm.statusIsErrorProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Refused: type mismatch"));
        assertEquals(Optional.of("connect an output to an input, not to another output"),
                vm.connect(new PortHit(x.id(), "value", true), new PortHit(relu.id(), "output", true)));
    }

    /** The real session and an in-process run backend, jobs in place: the whole path on LibTorch. */
    @Test
    void compileRunTraceSaveAndReopenFromTheViewModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        GraphEditorViewModel vm = new GraphEditorViewModel(new GraphDocument(), OPS);
        try (io.tsstudio.ui.run.InProcessBackend runs = new io.tsstudio.ui.run.InProcessBackend()) {
            vm.setRunBackend(runs);
            vm.setScratchRoot(dir.resolve("scratch"));
            vm.commands().execute(Commands.replaceAll("load", ModelFixtures.mlp().document()));
            assertTrue(vm.compile().join(), vm.statusProperty().get());
            assertTrue(vm.runExample().join(), vm.statusProperty().get());
            String scripted = vm.resultProperty().get();
            assertTrue(scripted.contains("Tensor [1, 3] float32"), scripted);
            assertTrue(vm.trace().join(), vm.statusProperty().get());
            assertTrue(vm.runExample().join());
            assertEquals(scripted.replace("scripted", "traced"), vm.resultProperty().get(), "traced and scripted give the same output");
            assertTrue(vm.resultIrProperty().get().contains("aten::linear"), vm.resultIrProperty().get());

            java.nio.file.Path file = dir.resolve("mlp.pt");
            assertTrue(vm.save(file).join(), vm.statusProperty().get());
            GraphEditorViewModel other = new GraphEditorViewModel(OPS);
            try {
                other.setRunBackend(runs);
                other.setScratchRoot(dir.resolve("scratch"));
                assertEquals(List.of(), other.open(file).join());
                assertTrue(other.document().sameContent(vm.document()));
                assertTrue(other.runExample().join());
                assertEquals(scripted.replace("scripted", "opened"), other.resultProperty().get());
            } finally {
                other.dispose();
            }
            // compile errors come back with their line
            String broken = vm.codeProperty().get().replace("self.relu.forward(linear)", "self.relu.forward(missing)");
            List<String> problems = vm.applyCode(broken).join();
            assertTrue(problems.get(0).startsWith("line 8: "), problems.toString());
            assertTrue(vm.statusProperty().get().startsWith("Compile error at line 8"), vm.statusProperty().get());
        } finally {
            vm.dispose();
        }
    }

    @Test
    void selectionEditsAreUndoable() {
        GraphEditorViewModel vm = new GraphEditorViewModel(new GraphDocument(), OPS);
        for (Block b : ModelFixtures.mlp().document().blocks()) vm.commands().execute(Commands.addBlock(b));
        GraphDocument before = Commands.snapshot(vm.document());
        List<String> ids = vm.document().blocks().stream().map(Block::id).toList();
        vm.selectAll(ids.subList(1, 3), false);
        vm.moveSelection(10, 20);
        vm.copySelection();
        vm.paste();
        assertEquals(2, vm.selection().size());
        assertFalse(vm.selection().contains(ids.get(1)), "the pasted copies are selected");
        vm.deleteSelection();
        assertTrue(vm.autoLayout().join());
        assertNotEquals(before.blocks().iterator().next().x(), vm.document().blocks().iterator().next().x() + 0.5);
        while (vm.commands().canUndo() && vm.commands().undoDepth() > ids.size()) vm.undo();
        assertTrue(vm.document().sameContent(before));
    }
}
