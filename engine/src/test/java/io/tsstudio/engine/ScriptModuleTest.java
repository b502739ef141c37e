package io.tsstudio.engine;

import io.tsstudio.testkit.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tsstudio.engine.Fixtures.assertClose;
import static io.tsstudio.engine.Fixtures.ones;
import static org.junit.jupiter.api.Assertions.*;

/** Inspection and structural operations on loaded and compiled modules. */
class ScriptModuleTest {
    @TempDir
    Path tmp;

    private static ScriptModule l1000() {
        return Jit.load(SharedFixtures.pytorch("l1000_100_10.script.dat"));
    }

    private static float[] forward(ScriptModule m, Tensor x) {
        try (Tensor out = (Tensor) m.forward(x)) {
            return out.toFloatArray();
        }
    }

    @Test
    void parametersAreRecursiveWithDottedNames() {
        try (ScriptModule m = l1000()) {
            assertEquals(List.of("0.0.weight", "0.0.bias", "1.weight", "1.bias"), List.copyOf(m.namedParameters().keySet()));
            ParameterInfo w = m.parameterInfos().get(0);
            assertEquals(List.of(100L, 1000L), w.shape());
            assertEquals(DType.FLOAT32, w.dtype());
            assertEquals(Device.CPU, w.device());
            assertTrue(w.requiresGrad());
            assertEquals(100_000, w.numel());
            assertEquals(400_000, w.bytes());
            assertEquals(100_000 + 100 + 1_000 + 10, m.totalParameterCount());
            assertTrue(m.namedBuffers().isEmpty());
        }
    }

    @Test
    void submodulesAndAttributes() {
        try (ScriptModule m = l1000()) {
            assertEquals(List.of("0", "1"), m.submodules().stream().map(SubmoduleInfo::name).toList());
            assertEquals(List.of("0", "0.0", "0.1", "1"), m.namedModules().stream().map(SubmoduleInfo::name).toList());
            assertTrue(m.submodules().get(1).className().endsWith("Linear"), m.submodules().get(1).className());
            try (ScriptModule inner = m.submodule("0.0")) {
                assertTrue(inner.className().endsWith("Linear"));
                assertEquals(List.of("weight", "bias"), List.copyOf(inner.namedParameters().keySet()));
            }
            TorchException e = assertThrows(TorchException.class, () -> m.submodule("0.7"));
            assertTrue(e.getMessage().contains("no child '7'"), e.getMessage());
            AttributeInfo training = m.attributes().stream().filter(a -> a.name().equals("training")).findFirst().orElseThrow();
            assertEquals("bool", training.type());
            assertEquals(true, training.value());
            assertTrue(m.attributes().stream().noneMatch(a -> a.name().equals("0")), "submodules are not attributes");
        }
    }

    @Test
    void codeAndGraphs() {
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("exported.method.dat"))) {
            assertEquals("__torch__.MyModule", m.className());
            Map<String, String> code = m.codeByClass();
            assertTrue(code.containsKey("__torch__.MyModule"), code.keySet().toString());
            assertTrue(m.code().contains("def add_scalar"), m.code());
            String graph = m.graphText("forward");
            assertTrue(graph.contains("aten::add") && graph.contains("aten::sub"), graph);
            TorchException e = assertThrows(TorchException.class, () -> m.graphText("nope"));
            assertTrue(e.getMessage().contains("no method 'nope'"), e.getMessage());
        }
        try (ScriptModule m = l1000()) {
            assertTrue(m.codeByClass().keySet().stream().anyMatch(k -> k.endsWith("Linear")), m.codeByClass().keySet().toString());
        }
    }

    @Test
    void stateDictRoundTripAndStrictLoading() {
        try (ScriptModule m = l1000(); ScriptModule other = l1000(); Tensor x = ones(1000)) {
            float[] before = forward(m, x);
            Map<String, Tensor> sd = m.stateDict();
            assertEquals(4, sd.size());
            Map<String, Tensor> zeros = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : sd.entrySet()) zeros.put(e.getKey(), Tensors.of(new float[(int) e.getValue().numel()], e.getValue().shape()));
            other.loadStateDict(zeros);
            assertClose(new float[10], forward(other, x));
            other.loadStateDict(sd);
            assertClose(before, forward(other, x));

            Map<String, Tensor> bad = new HashMap<>(sd);
            bad.remove("1.bias");
            TorchException e = assertThrows(TorchException.class, () -> other.loadStateDict(bad));
            assertTrue(e.getMessage().contains("missing keys [1.bias]"), e.getMessage());
            bad.put("1.bias", Tensors.of(new float[3]));
            e = assertThrows(TorchException.class, () -> other.loadStateDict(bad));
            assertTrue(e.getMessage().contains("'1.bias' has shape [3]"), e.getMessage());
            zeros.values().forEach(Tensor::close);
            sd.values().forEach(Tensor::close);
        }
    }

    @Test
    void defineAddsAndReplacesMethodsKeepingParameters() {
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("exported.method.dat")); Tensor z = Fixtures.zeros(10); Tensor p = m.namedParameters().get("p")) {
            m.define("def twice(self, x: Tensor) -> Tensor:\n    return self.predict(x) * 2\n");
            try (Tensor out = (Tensor) m.call("twice", z)) {
                float[] twoP = p.toFloatArray();
                for (int i = 0; i < twoP.length; i++) twoP[i] *= 2;
                assertClose(twoP, out.toFloatArray());
            }
            m.define("def add_scalar(self, x: Tensor, i: int) -> Tensor:\n    return x + i * 10\n");
            try (Tensor out = (Tensor) m.call("add_scalar", z, 1L)) {
                float[] tens = new float[10];
                java.util.Arrays.fill(tens, 10f);
                assertClose(tens, out.toFloatArray());
            }
            CompileException e = assertThrows(CompileException.class, () -> m.define("def add_scalar(self, x: Tensor, i: int) -> Tensor:\n    return x + nope\n"));
            assertEquals(2, e.line());
            try (Tensor out = (Tensor) m.call("add_scalar", z, 1L)) { // unchanged after a failed define
                assertEquals(10f, out.toFloatArray()[0]);
            }
            try (ScriptModule again = Jit.load(m.toBytes()); Tensor out = (Tensor) again.call("add_scalar", z, 2L)) {
                assertEquals(20f, out.toFloatArray()[0]);
            }
        }
    }

    @Test
    void registerParameterAndBuffer() {
        try (CompilationUnit cu = Jit.compile("def forward(x: Tensor) -> Tensor:\n    return x\n"); ScriptModule m = cu.toModule("Holder");
             Tensor w = Tensors.of(new float[] {1, 2, 3}); Tensor b = Tensors.of(new long[] {7})) {
            m.registerParameter("w", w, true);
            m.registerBuffer("steps", b);
            m.define("def scaled(self, x: Tensor) -> Tensor:\n    return x * self.w + self.steps\n");
            assertEquals(List.of("w"), List.copyOf(m.namedParameters().keySet()));
            assertEquals(List.of("steps"), List.copyOf(m.namedBuffers().keySet()));
            assertTrue(m.parameterInfos().get(0).requiresGrad());
            try (Tensor x = ones(3); Tensor out = (Tensor) m.call("scaled", x)) {
                assertArrayEquals(new float[] {8, 9, 10}, out.toFloatArray());
            }
            assertThrows(TorchException.class, () -> m.registerParameter("a.b", w, false));
        }
    }

    @Test
    void freezeAndOptimizeForInferenceGiveTheSameResults() {
        try (ScriptModule m = l1000(); Tensor x = ones(1000)) {
            float[] expected = forward(m, x);
            assertTrue(m.isTraining());
            try (ScriptModule frozen = m.freeze()) {
                assertClose(expected, forward(frozen, x));
                assertTrue(frozen.namedParameters().isEmpty(), "frozen parameters become constants");
            }
            assertTrue(m.isTraining(), "freezing a training module leaves it training");
            try (ScriptModule fast = m.optimizeForInference()) {
                assertClose(expected, forward(fast, x));
            }
        }
    }

    @Test
    void toDtypeConvertsParameters() {
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("linrelu.script.dat")); Tensor x = Tensors.of(new double[10], 10)) {
            m.to(DType.FLOAT64);
            assertTrue(m.parameterInfos().stream().allMatch(p -> p.dtype() == DType.FLOAT64));
            try (Tensor out = (Tensor) m.forward(x)) {
                assertEquals(DType.FLOAT64, out.dtype());
            }
            m.to(Device.CPU);
        }
    }

    @Test
    void extraFilesRoundTrip() throws Exception {
        Path file = tmp.resolve("sub").resolve("model.pt");
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("linrelu.script.dat"))) {
            String doc = "{\"studio\": \"document ✓\"}";
            m.save(file, Map.of("studio.json", doc));
            m.save(file, Map.of("studio.json", doc)); // overwrite in place
        }
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of("model.pt"), listing.map(p -> p.getFileName().toString()).toList(), "no temp files left");
        }
        Map<String, byte[]> extra = new HashMap<>();
        try (ScriptModule back = Jit.load(file, Device.CPU, extra); Tensor x = ones(10)) {
            assertEquals("{\"studio\": \"document ✓\"}", new String(extra.get("studio.json"), StandardCharsets.UTF_8));
            assertEquals(6, forward(back, x).length);
        }
    }

    /** As PyTorch names them: {@code model.pt} holds {@code model/...}; an existing file's permissions are kept. */
    @Test
    void savedArchivesAreNamedAfterTheFileAndKeepItsPermissions() throws Exception {
        Path file = tmp.resolve("model.pt");
        Path mobile = tmp.resolve("small.ptl");
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("linrelu.script.dat"))) {
            m.save(file);
            m.saveForMobile(mobile);
            for (Path p : List.of(file, mobile)) {
                String stem = p.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(p.toFile())) {
                    List<String> names = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
                    assertTrue(names.stream().allMatch(n -> n.startsWith(stem + "/")), names.toString());
                }
            }
            var fresh = Files.getPosixFilePermissions(file);
            assertTrue(fresh.contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ), fresh.toString());
            var groupRead = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
            Files.setPosixFilePermissions(file, groupRead);
            m.save(file);
            assertEquals(groupRead, Files.getPosixFilePermissions(file), "an overwritten file keeps its permissions");
        }
        try (var listing = Files.list(tmp)) {
            assertEquals(List.of("model.pt", "small.ptl"), listing.map(p -> p.getFileName().toString()).sorted().toList(), "no temp folders left");
        }
    }

    /**
     * A save onto a disk that is really too small (a 256 KB tmpfs) for a ~400 KB model. LibTorch's archive writer
     * aborts the process when a write fails mid-archive, so the save must be refused before LibTorch writes: the
     * error says why, the file saved there before keeps its bytes and its 0644, and no temp file is left.
     */
    @Test
    void aSaveThatCannotFitLeavesTheOldFileAndTheStudioUp() throws Exception {
        try (io.tsstudio.engine.files.SmallFileSystem fs = io.tsstudio.engine.files.SmallFileSystem.mount(tmp.resolve("small"), 1200)) {
            Path file = fs.dir().resolve("model.pt");
            try (ScriptModule small = Jit.load(SharedFixtures.pytorch("linrelu.script.dat"))) {
                small.save(file);
            }
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            byte[] before = Files.readAllBytes(file);
            try (ScriptModule big = l1000()) { // 400 KB of weights
                TorchException e = assertThrows(TorchException.class, () -> big.save(file));
                assertTrue(e.getMessage().startsWith("cannot write " + file + ": not enough free space in " + fs.dir()), e.getMessage());
                assertTrue(e.getMessage().contains("the archive needs about 1.5 MB"), e.getMessage());
            }
            assertArrayEquals(before, Files.readAllBytes(file), "the old file is intact");
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            try (var listing = Files.list(fs.dir())) {
                assertEquals(List.of("model.pt"), listing.map(p -> p.getFileName().toString()).toList(), "no temp file left");
            }
            try (ScriptModule back = Jit.load(file); Tensor x = ones(10)) {
                assertEquals(6, forward(back, x).length, "the old model still loads and runs");
            }
        }
    }

    @Test
    void saveForMobileWritesAFile() {
        Path file = tmp.resolve("mobile.ptl");
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("linrelu.script.dat"))) {
            m.saveForMobile(file);
        }
        assertTrue(Files.isRegularFile(file));
        assertEquals(ModelFileInfo.Kind.TORCHSCRIPT, ModelFiles.identify(file).kind());
    }

    @Test
    void closedModulesFailClearly() {
        ScriptModule m = l1000();
        m.close();
        m.close();
        assertTrue(m.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.forward(ones(1000)));
        assertTrue(e.getMessage().matches("module __torch__\\.torch\\.nn\\.modules\\.container\\.(___torch_mangle_\\d+\\.)?Sequential is closed"), e.getMessage());
    }
}
