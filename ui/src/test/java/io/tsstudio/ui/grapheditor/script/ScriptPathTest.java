package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.CommandStack;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ModelFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptPathTest {
    static Tensor randomInput(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        Random r = new Random(7);
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
        return Tensors.of(v, shape);
    }

    static void assertClose(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        float[] e = expected.toFloatArray(), a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], 1e-5 * Math.max(1, Math.abs(e[i])), "element " + i);
    }

    @Test
    void mlpBuiltByCommandsMatchesHandWrittenTorchScript() {
        GraphDocument doc = ModelFixtures.mlp().document();
        try (ModelWeights w = new ModelWeights(); ScriptModule m = ScriptBuilder.build(doc, w).module();
             CompilationUnit hand = Jit.compile("""
                     def mlp(x: Tensor, w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor) -> Tensor:
                         h = torch.relu(torch.matmul(x, w1.t()) + b1)
                         return torch.matmul(h, w2.t()) + b2
                     """);
             Tensor x = randomInput(5, 4)) {
            Map<String, Tensor> p = m.namedParameters();
            assertEquals(java.util.List.of("linear.weight", "linear.bias", "linear1.weight", "linear1.bias"), java.util.List.copyOf(p.keySet()));
            Tensor expected = (Tensor) hand.call("mlp", x, p.get("linear.weight"), p.get("linear.bias"), p.get("linear1.weight"), p.get("linear1.bias"));
            Tensor actual = (Tensor) m.forward(x);
            assertArrayEquals(new long[] {5, 3}, actual.shape());
            assertClose(expected, actual);
        }
    }

    @Test
    void smallCnnBuiltByCommandsMatchesHandWrittenTorchScript() {
        GraphDocument doc = ModelFixtures.cnn().document();
        try (ModelWeights w = new ModelWeights(); ScriptModule m = ScriptBuilder.build(doc, w).module();
             CompilationUnit hand = Jit.compile("""
                     def cnn(x: Tensor, cw: Tensor, cb: Tensor, bw: Tensor, bb: Tensor, rm: Tensor, rv: Tensor, fw: Tensor, fb: Tensor) -> Tensor:
                         y = torch.conv2d(x, cw, cb, [1, 1], [1, 1])
                         y = (y - rm.view(1, -1, 1, 1)) / torch.sqrt(rv.view(1, -1, 1, 1) + 1e-5) * bw.view(1, -1, 1, 1) + bb.view(1, -1, 1, 1)
                         y = torch.relu(y)
                         y = torch.max_pool2d(y, [2, 2], [2, 2])
                         y = y.flatten(1)
                         return torch.matmul(y, fw.t()) + fb
                     """);
             Tensor x = randomInput(2, 1, 8, 8)) {
            Map<String, Tensor> p = m.namedParameters();
            Map<String, Tensor> b = m.namedBuffers();
            Tensor expected = (Tensor) hand.call("cnn", x, p.get("conv2d.weight"), p.get("conv2d.bias"), p.get("batchnorm2d.weight"),
                    p.get("batchnorm2d.bias"), b.get("batchnorm2d.running_mean"), b.get("batchnorm2d.running_var"), p.get("linear.weight"), p.get("linear.bias"));
            Tensor actual = (Tensor) m.forward(x);
            assertArrayEquals(new long[] {2, 5}, actual.shape());
            assertClose(expected, actual);
        }
    }

    @Test
    void weightsSurviveARebuildAfterAnUnrelatedEdit() {
        CommandStack s = ModelFixtures.mlp();
        GraphDocument doc = s.document();
        try (ModelWeights w = new ModelWeights(); Tensor x = randomInput(3, 4)) {
            float[] first;
            try (ScriptModule m = ScriptBuilder.build(doc, w).module()) {
                first = ((Tensor) m.forward(x)).toFloatArray();
            }
            Block relu = doc.byName("relu").orElseThrow();
            s.execute(Commands.rename(relu.id(), "act"));
            try (ScriptModule m = ScriptBuilder.build(doc, w).module()) {
                assertArrayEquals(first, ((Tensor) m.forward(x)).toFloatArray());
            }
        }
    }

    @Test
    void savedArchiveCarriesTheDocumentAndReopensToTheSameModel(@TempDir Path dir) {
        GraphDocument doc = ModelFixtures.cnn().document();
        Path file = dir.resolve("cnn.pt");
        float[] before;
        try (ModelWeights w = new ModelWeights(); ScriptModule m = ScriptBuilder.build(doc, w).module(); Tensor x = randomInput(1, 1, 8, 8)) {
            before = ((Tensor) m.forward(x)).toFloatArray();
            GraphArchive.save(m, doc, file);
        }
        // a plain TorchScript load still works, and the extra file is in the archive
        try (ScriptModule plain = Jit.load(file); Tensor x = randomInput(1, 1, 8, 8)) {
            assertArrayEquals(before, ((Tensor) plain.forward(x)).toFloatArray());
        }
        GraphArchive.Opened opened = GraphArchive.open(file);
        try (ScriptModule m = opened.module(); ModelWeights w = new ModelWeights(); Tensor x = randomInput(1, 1, 8, 8)) {
            GraphDocument back = opened.document().orElseThrow();
            assertTrue(doc.sameContent(back), DocumentJson.write(back));
            GraphArchive.readWeights(m, back, w);
            try (ScriptModule rebuilt = ScriptBuilder.build(back, w).module()) {
                assertArrayEquals(before, ((Tensor) rebuilt.forward(x)).toFloatArray(), "rebuilding the reopened document keeps the weights");
            }
        }
    }
}
