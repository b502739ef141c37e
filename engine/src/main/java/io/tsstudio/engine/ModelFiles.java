package io.tsstudio.engine;

import io.tsstudio.engine.internal.files.TorchPickle;
import io.tsstudio.engine.internal.files.ZipProbe;
import io.tsstudio.engine.internal.torch.PickleLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Tells what a file is before loading it: a TorchScript archive, a {@code torch.save} archive, or something else. */
public final class ModelFiles {
    private static final int MAX_PICKLE_BYTES = 64 << 20;
    private static final String EXPECTED = "expected a TorchScript archive (a zip with code/ and constants.pkl, as written by torch.jit.save)";

    private ModelFiles() {
    }

    /** Identifies the file; for a torch.save archive, lists its tensors (LibTorch's pickle_load first, else a Java reader). */
    public static ModelFileInfo identify(Path path) {
        return identify(path, true);
    }

    /** Throws a TorchException saying what the file is when it is not a TorchScript archive. */
    static void requireTorchScript(Path path) {
        ModelFileInfo info = identify(path, false);
        if (info.kind() != ModelFileInfo.Kind.TORCHSCRIPT) {
            throw new TorchException(path.getFileName() + " is not a TorchScript archive: it is " + info.description() + "; " + EXPECTED);
        }
    }

    private static ModelFileInfo identify(Path path, boolean useLibTorch) {
        if (!Files.exists(path)) throw new TorchException("no such file: " + path);
        if (Files.isDirectory(path)) throw new TorchException(path + " is a directory, " + EXPECTED);
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            throw new TorchException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (head.length == 0) return unknown("an empty file");
        if (!(head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)) {
            return unknown("not a zip archive (starts with bytes " + hex(head) + ")");
        }
        try (ZipProbe zip = new ZipProbe(path)) {
            boolean code = zip.has("code/");
            boolean data = zip.has("data.pkl");
            boolean constants = zip.has("constants.pkl");
            if (code && (data || constants)) {
                String extra = zip.has("bytecode.pkl") ? ", with mobile bytecode" : "";
                return new ModelFileInfo(ModelFileInfo.Kind.TORCHSCRIPT, "a TorchScript archive" + extra, List.of());
            }
            if (data && !code) return torchSave(path, zip, useLibTorch);
            List<String> names = zip.names();
            return unknown("a zip archive that PyTorch did not write (entries: "
                    + String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", ..." : "") + ")");
        } catch (IOException e) {
            // LibTorch's own zip reader may still manage: let the loader decide, but say what we saw
            return new ModelFileInfo(ModelFileInfo.Kind.TORCHSCRIPT, "a damaged zip archive (" + e.getMessage() + ")", List.of());
        }
    }

    private static ModelFileInfo torchSave(Path path, ZipProbe zip, boolean useLibTorch) {
        List<TensorInfo> tensors = null;
        String kind = "pickled data";
        try {
            TorchPickle.Contents c = TorchPickle.read(zip.read("data.pkl", MAX_PICKLE_BYTES));
            kind = ("AEIOU".indexOf(c.kind().charAt(0)) >= 0 ? "an " : "a ") + c.kind();
            tensors = c.tensors();
        } catch (IOException | RuntimeException e) {
            kind = "pickled data this reader cannot list (" + e.getMessage() + ")";
        }
        if (useLibTorch) {
            try {
                Optional<List<TensorInfo>> viaLibTorch = PickleLoader.stateDictTensors(Files.readAllBytes(path));
                if (viaLibTorch.isPresent() && !viaLibTorch.get().isEmpty()) tensors = viaLibTorch.get();
            } catch (IOException | OutOfMemoryError ignored) {
                // the Java listing stands
            }
        }
        if (tensors == null) tensors = List.of();
        return new ModelFileInfo(ModelFileInfo.Kind.TORCH_SAVE,
                "a torch.save archive (" + kind + ", " + tensors.size() + " tensor" + (tensors.size() == 1 ? "" : "s") + "), not TorchScript", tensors);
    }

    private static ModelFileInfo unknown(String description) {
        return new ModelFileInfo(ModelFileInfo.Kind.UNKNOWN, description, List.of());
    }

    private static String hex(byte[] head) {
        StringBuilder b = new StringBuilder();
        int n = Math.min(8, head.length);
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(String.format("%02x", head[i] & 0xff));
        boolean text = true;
        for (int i = 0; i < n; i++) if (head[i] < 0x09 || (head[i] > 0x0d && head[i] < 0x20) || head[i] > 0x7e) text = false;
        if (text) b.append(" \"").append(new String(head, 0, n, java.nio.charset.StandardCharsets.US_ASCII).replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")).append("\", looks like text");
        return b.toString();
    }
}
