package io.tsstudio.engine;

import io.tsstudio.engine.internal.files.TorchPickle;
import io.tsstudio.engine.internal.files.ZipProbe;
import io.tsstudio.engine.internal.torch.PickleLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells what a file is before loading it: a TorchScript archive, a {@code torch.save} archive, TorchScript source, or
 * something else. The one place that knows file kinds and their extensions: the studio, the CLI and the run worker
 * all ask here.
 */
public final class ModelFiles {
    /** Lower-case extensions of TorchScript source files: opened as text and compiled, never loaded as archives. */
    public static final List<String> SOURCE_EXTENSIONS = List.of("py", "ts", "torchscript", "txt");
    /** Lower-case extensions the open and save dialogs offer for model archives (any file is identified by content). */
    public static final List<String> MODEL_EXTENSIONS = List.of("pt", "pth", "dat", "zip");
    private static final int TEXT_SNIFF_BYTES = 64 * 1024;
    private static final int MAX_PICKLE_BYTES = 64 << 20;
    private static final String EXPECTED = "expected a TorchScript archive (a zip with code/ and constants.pkl, as written by torch.jit.save)";

    private ModelFiles() {
    }

    /** The file name's extension after the last dot, lower case; empty when there is none. */
    public static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static boolean hasSourceExtension(Path p) {
        return SOURCE_EXTENSIONS.contains(extension(p));
    }

    /**
     * True for TorchScript source: a source extension, or a file of any other name that is not a model archive and
     * whose start is text ({@link #looksLikeText}). Throws a TorchException for a missing file or a directory.
     */
    public static boolean isSource(Path p) throws IOException {
        if (hasSourceExtension(p)) return true;
        return identify(p, false).kind() == ModelFileInfo.Kind.UNKNOWN && looksLikeText(p);
    }

    /** True if the file's first 64 KB is NUL-free UTF-8 (a zip archive, a pickle or a tensor dump is not). */
    public static boolean looksLikeText(Path p) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(p)) {
            head = in.readNBytes(TEXT_SNIFF_BYTES);
        }
        for (byte b : head) if (b == 0) return false;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, completeUtf8End(head)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // Do not split a multi-byte character at the sniffing cut: drop a trailing incomplete sequence.
    private static int completeUtf8End(byte[] b) {
        int n = b.length;
        for (int k = 1; k <= 3 && n - k >= 0; k++) {
            int lead = b[n - k] & 0xFF;
            if ((lead & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead
            int expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return expected > k ? n - k : n;
        }
        return n;
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
