package io.tsstudio.app.studio;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.SubmoduleInfo;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample workspace: scripts copied, and a model the project builds itself that LibTorch loads and runs. */
class SampleWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void buildsASampleModelThatComputesWhatItsSourceSays() throws Exception {
        List<Path> files = SampleWorkspace.prepare(dir);
        assertEquals(List.of(dir.resolve(SampleWorkspace.SCRIPT), dir.resolve(SampleWorkspace.MODEL)), files);
        assertTrue(Files.readString(files.get(0)).contains("def forward"));
        try (ScriptModule m = Jit.load(files.get(1))) {
            assertEquals(List.of("encoder", "head"), m.submodules().stream().map(SubmoduleInfo::name).toList());
            assertTrue(m.hasMethod("probabilities"));
            Map<String, Tensor> p = m.namedParameters();
            Map<String, Tensor> b = m.namedBuffers();
            float[] w1 = p.get("encoder.weight").toFloatArray();
            float[] b1 = p.get("encoder.bias").toFloatArray();
            float[] w2 = p.get("head.weight").toFloatArray();
            float[] b2 = p.get("head.bias").toFloatArray();
            float[] scale = b.get("scale").toFloatArray();
            p.values().forEach(Tensor::close);
            b.values().forEach(Tensor::close);
            float[] x = {1, -2, 0.5f, 3, 0, -1, 2, 0.25f};
            // relu(x W1^T + b1) W2^T + b2, times scale: the methods in tiny_mlp.methods.py, computed here by hand.
            float[] h = new float[16];
            for (int i = 0; i < 16; i++) {
                float s = b1[i];
                for (int j = 0; j < 8; j++) s += x[j] * w1[i * 8 + j];
                h[i] = Math.max(0, s);
            }
            float[] expected = new float[4];
            for (int i = 0; i < 4; i++) {
                float s = b2[i];
                for (int j = 0; j < 16; j++) s += h[j] * w2[i * 16 + j];
                expected[i] = s * scale[i];
            }
            try (Tensor in = Tensors.of(x, 8); Tensor out = (Tensor) m.forward(in)) {
                assertArrayEquals(expected, out.toFloatArray(), 1e-4f);
            }
        }
        long size = Files.size(files.get(1));
        SampleWorkspace.prepare(dir);
        assertEquals(size, Files.size(files.get(1)), "an existing sample model is kept");
    }
}
