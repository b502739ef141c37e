package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.CompileException;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.CommandStack;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ModelFixtures;
import io.tsstudio.ui.grapheditor.model.ScriptGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static io.tsstudio.ui.grapheditor.script.ScriptPathTest.assertClose;
import static io.tsstudio.ui.grapheditor.script.ScriptPathTest.randomInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportAndCodeSyncTest {
    static Path fixture(String name) {
        return io.tsstudio.testkit.SharedFixtures.pytorch(name);
    }

    @Test
    void aPyTorchModelBecomesAnEditableDocumentWithItsWeights() {
        try (ScriptModule original = Jit.load(fixture("l1000_100_10.script.dat")); ModelWeights w = new ModelWeights()) {
            IrImport.Result r = IrImport.fromModule(original, w, null);
            GraphDocument doc = r.document();
            assertEquals(List.of(), r.unmapped());
            assertEquals(1, doc.blocksOf(BlockKind.INPUT).size());
            assertEquals(1, doc.blocksOf(BlockKind.OUTPUT).size());
            assertTrue(doc.blocksOf(BlockKind.MODULE).size() >= 1, DocumentJson.write(doc));
            try (ScriptModule rebuilt = ScriptBuilder.build(doc, w).module(); Tensor ones = Tensors.of(new float[1000]).add(1.0)) {
                Tensor expected = (Tensor) original.forward(ones);
                Tensor actual = (Tensor) rebuilt.forward(ones);
                assertClose(expected, actual);
                assertEquals(0.564213157, actual.toFloatArray()[0], 1e-4);
            }
        }
    }

    @Test
    void operatorsOfAnImportedFunctionBecomeBlocks() {
        try (ScriptModule original = Jit.load(fixture("tuple_out.dat")); ModelWeights w = new ModelWeights()) {
            IrImport.Result r = IrImport.fromModule(original, w, null);
            GraphDocument doc = r.document();
            assertEquals(List.of(), r.unmapped());
            assertEquals(2, doc.blocksOf(BlockKind.OPERATOR).size(), DocumentJson.write(doc));
            assertEquals(2, doc.blocksOf(BlockKind.OUTPUT).size());
            assertTrue(ScriptGenerator.generate(doc).source().contains("torch.sub("), ScriptGenerator.generate(doc).source());
        }
    }

    @Test
    void editedCodeUpdatesTheGraphAndKeepsWhatStillMaps() {
        CommandStack s = ModelFixtures.mlp();
        GraphDocument doc = s.document();
        Block fc1 = doc.byName("linear").orElseThrow();
        s.execute(Commands.move(java.util.Map.of(fc1.id(), new double[] {123, 456})));
        String code = ScriptGenerator.generate(doc).source();
        String edited = code.replace("    return linear1\n", "    scaled = torch.mul(linear1, 2.0)\n    return scaled\n");
        try (ModelWeights w = new ModelWeights(); Tensor x = randomInput(2, 4)) {
            Tensor before;
            try (ScriptModule m = ScriptBuilder.build(doc, w).module()) {
                before = (Tensor) m.forward(x);
            }
            CodeSync.Outcome o = CodeSync.apply(edited, doc, w);
            try (ScriptModule m = o.built().module()) {
                GraphDocument after = o.document();
                assertEquals(List.of(), o.unmapped());
                Block keptFc1 = after.byName("linear").orElseThrow();
                assertEquals(fc1.id(), keptFc1.id());
                assertEquals(123, keptFc1.x());
                assertEquals(4L, keptFc1.setting("in_features"));
                Block scaled = after.byName("scaled").orElseThrow();
                assertEquals("aten::mul.Scalar", scaled.type());
                assertEquals(2.0, scaled.setting("other"));
                // the graph, rebuilt from blocks, computes what the edited code computes
                try (ScriptModule fromGraph = ScriptBuilder.build(after, w).module(); Tensor expected = before.mul(2.0)) {
                    assertClose(expected, (Tensor) m.forward(x));
                    assertClose(expected, (Tensor) fromGraph.forward(x));
                }
                s.execute(Commands.replaceAll("Apply code", after));
                assertTrue(doc.sameContent(after));
            }
        }
    }

    @Test
    void codeThatNoLongerMapsSaysWhere() {
        GraphDocument doc = ModelFixtures.mlp().document();
        String code = ScriptGenerator.generate(doc).source();
        String edited = code.replace("    return linear1\n", "    if bool(linear1.sum() > 0):\n        linear1 = torch.neg(linear1)\n    return linear1\n");
        try (ModelWeights w = new ModelWeights()) {
            CodeSync.Outcome o = CodeSync.apply(edited, doc, w);
            o.built().module().close();
            int ifLine = List.of(edited.split("\n")).indexOf("    if bool(linear1.sum() > 0):") + 1;
            assertTrue(o.unmapped().stream().anyMatch(u -> u.startsWith("line " + ifLine + ": prim::If has no block equivalent")), o.unmapped().toString());
            String broken = code.replace("self.relu.forward(linear)", "self.relu.forward(nothing)");
            CompileException e = assertThrows(CompileException.class, () -> CodeSync.apply(broken, doc, w));
            assertEquals(List.of(broken.split("\n")).indexOf("    relu = self.relu.forward(nothing)") + 1, e.line());
        }
    }

    @Test
    void settingsEditedInTheCodeHeaderChangeTheBlocks() {
        GraphDocument doc = ModelFixtures.mlp().document();
        String code = ScriptGenerator.generate(doc).source();
        String edited = code.replace("#   linear: Linear(in_features=4, out_features=8, bias=True)", "#   linear: Linear(in_features=4, out_features=6, bias=False)")
                .replace("#   linear1: Linear(in_features=8,", "#   linear1: Linear(in_features=6,");
        try (ModelWeights w = new ModelWeights(); Tensor x = randomInput(2, 4)) {
            CodeSync.Outcome o = CodeSync.apply(edited, doc, w);
            try (ScriptModule m = o.built().module()) {
                Block fc = o.document().byName("linear").orElseThrow();
                assertEquals(6L, fc.setting("out_features"));
                assertEquals(false, fc.setting("bias"));
                assertEquals(6L, o.document().byName("linear1").orElseThrow().setting("in_features"));
                assertEquals(List.of("linear.weight", "linear1.weight", "linear1.bias"), List.copyOf(m.namedParameters().keySet()));
                org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {2, 3}, ((Tensor) m.forward(x)).shape());
            }
            String bad = code.replace("out_features=8, bias=True)", "out_features=eight, bias=True)");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CodeSync.apply(bad, doc, w));
            assertEquals("line 3: out_features: 'eight' is not an int", e.getMessage());
        }
    }
}
