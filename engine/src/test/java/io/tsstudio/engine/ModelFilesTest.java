package io.tsstudio.engine;

import io.tsstudio.testkit.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Files that are not TorchScript are recognised for what they are, and loading them fails clearly. */
class ModelFilesTest {
    @TempDir
    Path tmp;

    @Test
    void stateDictIsATorchSaveArchiveWithTwoTensors() {
        ModelFileInfo info = ModelFiles.identify(SharedFixtures.notTorchScript("state_dict.pth"));
        assertEquals(ModelFileInfo.Kind.TORCH_SAVE, info.kind(), info.description());
        assertEquals(2, info.tensors().size(), info.toString());
        for (TensorInfo t : info.tensors()) {
            assertFalse(t.name().isEmpty());
            assertNotNull(t.dtype(), t.toString());
            assertFalse(t.shape().isEmpty(), t.toString());
        }
    }

    @Test
    void orderedDictIsATorchSaveArchiveWithTwoTensors() {
        ModelFileInfo info = ModelFiles.identify(SharedFixtures.notTorchScript("ordered_dict.pt"));
        assertEquals(ModelFileInfo.Kind.TORCH_SAVE, info.kind(), info.description());
        assertEquals(2, info.tensors().size(), info.toString());
        assertTrue(info.description().contains("OrderedDict"), info.description());
    }

    @Test
    void torchSharpFilesAreUnknownAndSaySo() {
        for (String f : List.of("bug510.dat", "tensor2345.dat")) {
            ModelFileInfo info = ModelFiles.identify(SharedFixtures.notTorchScript(f));
            assertEquals(ModelFileInfo.Kind.UNKNOWN, info.kind(), f);
            assertTrue(info.description().startsWith("not a zip archive (starts with bytes "), info.description());
        }
    }

    @Test
    void fixturesAreTorchScript() throws Exception {
        try (var files = Files.list(SharedFixtures.root().resolve("pytorch"))) {
            for (Path p : files.toList()) {
                assertEquals(ModelFileInfo.Kind.TORCHSCRIPT, ModelFiles.identify(p).kind(), p.toString());
            }
        }
    }

    @Test
    void loadingANonTorchScriptFileSaysWhatItIs() {
        for (String f : List.of("bug510.dat", "tensor2345.dat", "state_dict.pth", "ordered_dict.pt")) {
            TorchException e = assertThrows(TorchException.class, () -> Jit.load(SharedFixtures.notTorchScript(f)));
            assertTrue(e.getMessage().startsWith(f + " is not a TorchScript archive: it is "), e.getMessage());
            assertTrue(e.getMessage().contains("expected a TorchScript archive"), e.getMessage());
            if (f.endsWith(".pth") || f.endsWith(".pt")) assertTrue(e.getMessage().contains("torch.save archive"), e.getMessage());
            else assertTrue(e.getMessage().contains("not a zip archive"), e.getMessage());
        }
    }

    @Test
    void textAndEmptyAndMissingFiles() throws Exception {
        Path py = tmp.resolve("model.py");
        Files.writeString(py, "def forward(x):\n    return x\n");
        ModelFileInfo info = ModelFiles.identify(py);
        assertEquals(ModelFileInfo.Kind.UNKNOWN, info.kind());
        assertTrue(info.description().contains("looks like text"), info.description());
        Path empty = Files.createFile(tmp.resolve("empty.pt"));
        assertEquals("an empty file", ModelFiles.identify(empty).description());
        TorchException e = assertThrows(TorchException.class, () -> Jit.load(tmp.resolve("missing.pt")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void tellsSourceTextFromBinary() throws Exception {
        Path text = Files.writeString(tmp.resolve("f.dat"), "def f(x: Tensor) -> Tensor:\n    return x  # ünïcode\n");
        Path zip = Files.write(tmp.resolve("g.dat"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        assertTrue(ModelFiles.looksLikeText(text));
        assertFalse(ModelFiles.looksLikeText(zip));
        assertTrue(ModelFiles.isSource(text), "text under a model extension is source");
        assertFalse(ModelFiles.isSource(zip));
        assertFalse(ModelFiles.isSource(SharedFixtures.pytorch("linrelu.script.dat")));
        for (String name : List.of("x.PY", "x.ts", "x.torchscript", "x.txt")) {
            assertTrue(ModelFiles.hasSourceExtension(Path.of(name)), name);
        }
        assertFalse(ModelFiles.hasSourceExtension(Path.of("x.pt")));
        assertEquals("", ModelFiles.extension(Path.of("Makefile")));
        TorchException e = assertThrows(TorchException.class, () -> ModelFiles.isSource(tmp.resolve("missing.bin")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void aMultiByteCharacterCutAtTheSniffingLimitIsStillText() throws Exception {
        byte[] body = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) 'a');
        body[64 * 1024 - 1] = (byte) 0xC3; // "é" split across the 64 KB cut
        body[64 * 1024] = (byte) 0xA9;
        assertTrue(ModelFiles.looksLikeText(Files.write(tmp.resolve("long.dat"), body)));
        body[64 * 1024 - 2] = (byte) 0xFF; // never valid UTF-8
        assertFalse(ModelFiles.looksLikeText(Files.write(tmp.resolve("bad.dat"), body)));
    }

    @Test
    void loadingOntoAMissingDeviceIsAClearError() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Torch.cudaAvailable(), "this machine has CUDA");
        TorchException e = assertThrows(TorchException.class, () -> Jit.load(SharedFixtures.pytorch("linrelu.script.dat"), Device.cuda(0)));
        assertTrue(e.getMessage().startsWith("cannot load "), e.getMessage());
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("linrelu.script.dat"))) {
            assertThrows(TorchException.class, () -> m.to(Device.cuda(0)));
        }
    }
}
