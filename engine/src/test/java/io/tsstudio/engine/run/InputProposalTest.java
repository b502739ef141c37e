package io.tsstudio.engine.run;

import io.tsstudio.engine.Tensors;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Proposed inputs on real models, PyTorch-made and compiled here: each proposal must run, and say where it came from. */
class InputProposalTest {
    private static Path v113(String name) {
        return SharedFixtures.root().resolve("pytorch-1.13").resolve(name);
    }

    private static List<ProposedInput> proposeAndRun(Path file, String method) throws Exception {
        try (ModelSession s = new ModelSession()) {
            s.load(file, Device.CPU);
            List<ProposedInput> p = s.propose(method);
            s.run(new RunRequest(method, p.stream().map(ProposedInput::json).toList(), RunPlan.single()), RunListener.NONE, CancelToken.none());
            return p;
        }
    }

    private static String shapeOf(ProposedInput p) {
        int i = p.json().indexOf("\"shape\":");
        return p.json().substring(i + 8, p.json().indexOf(']', i) + 1);
    }

    @Test
    void scriptedTorchvisionClassifierGetsAnRgbImage() throws Exception {
        List<ProposedInput> p = proposeAndRun(v113("mnasnet0_5_script.pt"), "forward");
        assertEquals(1, p.size());
        assertEquals("[1,3,224,224]", shapeOf(p.get(0)));
        assertTrue(p.get(0).json().contains("\"dtype\":\"float32\""), p.get(0).json());
        assertTrue(p.get(0).source().startsWith("conv2d in_channels=3 (layers.0)"), p.get(0).source());
        assertTrue(p.get(0).source().contains("224×224 assumed"), p.get(0).source());
    }

    @Test
    void tracedClassifierIsFollowedThroughItsSubmoduleCalls() throws Exception {
        List<ProposedInput> p = proposeAndRun(v113("mobilenet_v2_trace.pt"), "forward");
        assertEquals("[1,3,224,224]", shapeOf(p.get(0)));
        assertTrue(p.get(0).source().contains("in_channels=3 (features.0.0)"), p.get(0).source());
    }

    @Test
    void visionTransformerTakesItsImageSizeFromTheModel() throws Exception {
        List<ProposedInput> p = proposeAndRun(v113("vit_tiny_script.pt"), "forward");
        assertEquals("[1,3,32,32]", shapeOf(p.get(0)));
        assertTrue(p.get(0).source().contains("image_size=32 of the model"), p.get(0).source());
    }

    @Test
    void attentionGetsASequenceOfItsEmbeddingSizeAndTheOptionalMaskStaysNone() throws Exception {
        List<ProposedInput> p = proposeAndRun(v113("mha_script.pt"), "forward");
        assertEquals("[8,1,16]", shapeOf(p.get(0)), p.get(0).source());
        assertEquals("MultiheadAttention embed_dim=16, sequence first (mha)", p.get(0).source());
        assertEquals("null", p.get(1).json());
        assertEquals("declared default", p.get(1).source());
    }

    @Test
    void plainArgumentsGetAValueOfTheirType() throws Exception {
        List<ProposedInput> p = proposeAndRun(v113("greedy_decoder_script.pt"), "forward");
        assertEquals(List.of("1", "1"), p.stream().map(ProposedInput::json).toList());
    }

    @Test
    void linearModelsGetTheirInFeatures() throws Exception {
        assertEquals("[1,1000]", shapeOf(proposeAndRun(SharedFixtures.pytorch("l1000_100_10.script.dat"), "forward").get(0)));
        List<ProposedInput> p = proposeAndRun(SharedFixtures.pytorch("linrelu.script.dat"), "forward");
        assertEquals("[1,10]", shapeOf(p.get(0)));
        assertTrue(p.get(0).source().startsWith("linear in_features=10"), p.get(0).source());
    }

    @Test
    void embeddingIndicesAreInt64AndInRange(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("emb.pt");
        // Only 5 rows: a proposal of 8 indices would be out of range.
        try (ScriptModule m = io.tsstudio.engine.ModuleAssembly.newModule("Emb");
             Tensor table = Tensors.of(new float[5 * 4], 5, 4)) {
            m.registerParameter("table", table, false);
            m.define("""
                    def forward(self, tokens: Tensor) -> Tensor:
                        return torch.embedding(self.table, tokens)
                    """);
            m.save(file);
        }
        List<ProposedInput> p = proposeAndRun(file, "forward");
        assertTrue(p.get(0).json().contains("\"dtype\":\"int64\""), p.get(0).json());
        assertTrue(p.get(0).json().contains("\"fill\":\"arange\""), p.get(0).json());
        assertEquals("[1,5]", shapeOf(p.get(0)));
        assertTrue(p.get(0).source().contains("embedding of 5: indices 0..4"), p.get(0).source());
    }

    /** The studio's own sample model is written this way: {@code x @ W.t() + b}, with W of [16, 8]. */
    @Test
    void aTransposedWeightGivesTheInputItsColumns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mm.pt");
        try (ScriptModule m = io.tsstudio.engine.ModuleAssembly.newModule("Enc");
             Tensor w = Tensors.of(new float[16 * 8], 16, 8)) {
            m.registerParameter("weight", w, false);
            m.define("""
                    def forward(self, x: Tensor) -> Tensor:
                        return torch.relu(torch.matmul(x, self.weight.t()))
                    """);
            m.save(file);
        }
        List<ProposedInput> p = proposeAndRun(file, "forward");
        assertEquals("[1,8]", shapeOf(p.get(0)));
        assertTrue(p.get(0).source().startsWith("matmul with a 8×16 weight"), p.get(0).source());
    }

    @Test
    void layerNormGivesItsNormalizedShape(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ln.pt");
        try (ScriptModule m = io.tsstudio.engine.ModuleAssembly.newModule("Ln");
             Tensor w = Tensors.of(new float[] {1, 1, 1, 1, 1, 1}, 6)) {
            m.registerParameter("w", w, false);
            m.define("""
                    def forward(self, x: Tensor) -> Tensor:
                        y = torch.relu(x)
                        return torch.layer_norm(y, [6], self.w)
                    """);
            m.save(file);
        }
        List<ProposedInput> p = proposeAndRun(file, "forward");
        assertEquals("[1,6]", shapeOf(p.get(0)));
        assertTrue(p.get(0).source().startsWith("layer_norm normalized_shape=[6]"), p.get(0).source());
    }

    @Test
    void aModuleTracedHereKeepsTheSizesItWasTracedWith() throws Exception {
        try (Tensor x = Tensors.of(new float[3 * 10], 3, 10);
             ScriptModule traced = io.tsstudio.engine.trace.Tracer.trace(new io.tsstudio.engine.nn.Linear(10, 4), x)) {
            List<ProposedInput> p = InputProposal.propose(traced, "forward");
            assertEquals("[3,10]", shapeOf(p.get(0)), p.get(0).source());
            assertTrue(p.get(0).source().matches("sizes recorded in the traced graph \\((train|eval)forward\\)"), p.get(0).source());
            try (Tensor in = (Tensor) io.tsstudio.engine.values.ValueJson.read(p.get(0).json(), "Tensor", "x", Device.CPU);
                 Tensor y = (Tensor) traced.forward(in)) {
                assertArrayEquals(new long[] {3, 4}, y.shape());
            }
        }
    }

    @Test
    void recordedSizesOfATracedGraphAreTakenAsTheyAre() {
        InputProposal.Found f = InputProposal.recorded("Long(2, 7, strides=[7, 1], requires_grad=0, device=cpu)");
        assertNotNull(f);
        assertEquals(List.of(2L, 7L), f.shape());
        assertEquals(io.tsstudio.engine.DType.INT64, f.dtype());
        assertNull(InputProposal.recorded("Float(*, 3, strides=[3, 1], requires_grad=0, device=cpu)"));
        assertNull(InputProposal.recorded("Tensor"));
    }

    @Test
    void aWeightTimesTheInputGivesAVectorOfItsColumns() throws Exception {
        List<ProposedInput> p = proposeAndRun(SharedFixtures.pytorch("scripted.script.dat"), "forward");
        assertEquals("[6]", shapeOf(p.get(0)));
        assertTrue(p.get(0).source().startsWith("mv with a 2×6 weight"), p.get(0).source());
    }

    @Test
    void nothingToGoOnFallsBackToOneElementAndSaysSo() throws Exception {
        List<ProposedInput> p = proposeAndRun(SharedFixtures.pytorch("func.script.dat"), "forward");
        assertEquals(2, p.size());
        assertEquals("[1]", shapeOf(p.get(0)));
        assertEquals("nothing in the model says: edit the shape", p.get(0).source());
    }

    /** Every fixture model's proposal is run: the count that runs is printed, and none may fail where the model says enough. */
    @Test
    void proposalsRunOnEveryFixtureModel() throws Exception {
        Map<String, String> failures = new TreeMap<>();
        List<String> ran = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> a = Files.list(SharedFixtures.root().resolve("pytorch-1.13")); Stream<Path> b = Files.list(SharedFixtures.root().resolve("pytorch"))) {
            Stream.concat(a, b).filter(f -> f.toString().endsWith(".pt") || f.toString().endsWith(".dat")).sorted().forEach(files::add);
        }
        for (Path f : files) {
            try (ModelSession s = new ModelSession()) {
                for (var m : s.load(f, Device.CPU)) {
                    if (m.name().equals("train") || m.name().equals("eval") || m.name().equals("is_training")) continue;
                    try {
                        List<ProposedInput> p = s.propose(m.name());
                        s.run(new RunRequest(m.name(), p.stream().map(ProposedInput::json).toList(), RunPlan.single()), RunListener.NONE, CancelToken.none());
                        ran.add(f.getFileName() + "#" + m.name());
                    } catch (Exception e) {
                        failures.put(f.getFileName() + "#" + m.name(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                    }
                }
            }
        }
        System.out.println("proposals ran: " + ran.size() + "/" + (ran.size() + failures.size()) + " " + ran + "; failed: " + failures);
        assertEquals(Map.of(), failures);
        assertTrue(ran.size() >= 15, ran.toString());
    }
}
