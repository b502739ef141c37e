package io.tsstudio.ui.grapheditor.model;

import org.junit.jupiter.api.Test;

import static io.tsstudio.ui.grapheditor.model.ModelFixtures.add;
import static io.tsstudio.ui.grapheditor.model.ModelFixtures.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptGeneratorTest {
    @Test
    void mlpReadsLikeHandWrittenCode() {
        GraphDocument doc = ModelFixtures.mlp().document();
        GeneratedScript g = ScriptGenerator.generate(doc);
        assertEquals("""
                # model: TorchScript generated from the graph editor.
                # Submodules (registered with their parameters):
                #   linear: Linear(in_features=4, out_features=8, bias=True)
                #   relu: ReLU()
                #   linear1: Linear(in_features=8, out_features=3, bias=True)
                def forward(self, x: Tensor):
                    linear = self.linear.forward(x)
                    relu = self.relu.forward(linear)
                    linear1 = self.linear1.forward(relu)
                    return linear1
                """, g.source());
        assertEquals(3, g.submodules().size());
        assertEquals("def forward(self, input: Tensor) -> Tensor:\n    return torch.linear(input, self.weight, self.bias)\n",
                g.submodules().get(0).forwardSource());
        assertEquals(doc.byName("relu").orElseThrow().id(), g.lineToBlock().get(8));
    }

    @Test
    void operatorsGetPositionalThenKeywordArguments() {
        GraphDocument doc = new GraphDocument();
        CommandStack s = new CommandStack(doc);
        Block x = add(s, Blocks.input(doc, "x", "Tensor", 0, 0));
        Block y = add(s, Blocks.input(doc, "y", "Tensor", 0, 0));
        Block addOp = add(s, Blocks.operator(doc, ModelFixtures.ADD_TENSOR, 0, 0));
        Block sum = add(s, Blocks.operator(doc, ModelFixtures.SUM_DIM, 0, 0));
        Block max = add(s, Blocks.operator(doc, ModelFixtures.MAX_DIM, 0, 0));
        Block two = add(s, Blocks.constant(doc, 2L, 0, 0));
        Block o1 = add(s, Blocks.output(doc, "total", 0, 0));
        Block o2 = add(s, Blocks.output(doc, "where", 0, 0));
        connect(s, x, "value", addOp, "self");
        connect(s, y, "value", addOp, "other");
        connect(s, two, "value", addOp, "alpha");
        connect(s, addOp, "out", sum, "self");
        s.execute(Commands.setSetting(sum.id(), "dim", java.util.List.of(1L)));
        s.execute(Commands.setSetting(sum.id(), "dtype", 6L));
        connect(s, addOp, "out", max, "self");
        s.execute(Commands.setSetting(max.id(), "dim", 0L));
        connect(s, sum, "out", o1, "value");
        connect(s, max, "indices", o2, "value");
        String src = ScriptGenerator.generate(doc).source();
        assertTrue(src.contains("    add = torch.add(x, y, alpha=2)\n"), src);
        assertTrue(src.contains("    sum = torch.sum(add, [1], dtype=6)\n"), src);
        assertTrue(src.contains("    max_values, max_indices = torch.max(add, 0)\n"), src);
        assertTrue(src.contains("    return (sum, max_indices)\n"), src);
    }

    @Test
    void incompleteGraphsListTheirIssues() {
        GraphDocument doc = new GraphDocument();
        CommandStack s = new CommandStack(doc);
        add(s, Blocks.module(doc, "Linear", 0, 0));
        IncompleteGraphException e = assertThrows(IncompleteGraphException.class, () -> ScriptGenerator.generate(doc));
        assertEquals(java.util.List.of("linear: input 'input' (Tensor) is required but not connected", "the graph has no output block"), e.issues());
    }
}
