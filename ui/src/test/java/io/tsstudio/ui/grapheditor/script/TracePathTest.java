package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.ModelFixtures;
import org.junit.jupiter.api.Test;

import static io.tsstudio.ui.grapheditor.script.ScriptPathTest.assertClose;
import static io.tsstudio.ui.grapheditor.script.ScriptPathTest.randomInput;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracePathTest {
    private static void tracedAgreesWithScripted(GraphDocument doc, long... shape) {
        try (ModelWeights w = new ModelWeights(); Tensor x = randomInput(shape); ScriptModule scripted = ScriptBuilder.build(doc, w).module();
             ScriptModule traced = GraphTracer.trace(doc, w, x)) {
            Tensor s = (Tensor) scripted.forward(x);
            Tensor t = (Tensor) traced.forward(x);
            assertClose(s, t);
            // the trace is a graph of operators, not a copy of the script: it holds no submodule forwards of ours
            assertTrue(traced.graphText("forward").contains("aten::"), traced.graphText("forward"));
            try (Tensor other = randomInput(shape)) {
                assertClose((Tensor) scripted.forward(other), (Tensor) traced.forward(other));
            }
        }
    }

    @Test
    void tracedMlpAgreesWithScriptedMlp() {
        tracedAgreesWithScripted(ModelFixtures.mlp().document(), 3, 4);
    }

    @Test
    void tracedCnnAgreesWithScriptedCnn() {
        tracedAgreesWithScripted(ModelFixtures.cnn().document(), 2, 1, 8, 8);
    }
}
