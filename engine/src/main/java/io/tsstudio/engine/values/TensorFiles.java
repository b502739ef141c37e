package io.tsstudio.engine.values;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.internal.torch.ValueFiles;
import io.tsstudio.engine.run.NpyReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One tensor read from a file, for inputs too large to write as JSON values: a NumPy {@code .npy} or a {@code .pt}
 * that {@code torch.save(tensor)} wrote. The format is told by the file's first bytes, not its name.
 */
public final class TensorFiles {
    private TensorFiles() {
    }

    /**
     * The tensor in {@code file}, on the CPU, owned by the caller. A missing or unreadable file, or one that holds
     * something other than one tensor, is an {@link IllegalArgumentException} that names the file.
     */
    public static Tensor read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new IllegalArgumentException(name + " is a directory, not a tensor file");
        byte[] head = new byte[6];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such tensor file: " + name);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + name + ": " + e.getMessage());
        }
        try {
            if (n == 6 && (head[0] & 0xff) == 0x93 && head[1] == 'N' && head[2] == 'U' && head[3] == 'M' && head[4] == 'P' && head[5] == 'Y') {
                return NpyReader.read(file);
            }
            return single(ValueFiles.load(file), name);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + name + ": " + e.getMessage());
        } catch (TorchException e) {
            boolean zip = n >= 2 && head[0] == 'P' && head[1] == 'K';
            throw new IllegalArgumentException(zip ? name + " is a zip archive but not a tensor LibTorch can read (" + e.getMessage() + ")"
                    : name + " is neither a .npy file nor a .pt tensor from torch.save");
        }
    }

    private static Tensor single(Object value, String name) {
        if (value instanceof Tensor t) return t;
        String what = value == null ? "None" : value instanceof io.tsstudio.engine.JitTuple ? "a tuple"
                : value instanceof java.util.List<?> ? "a list"
                : value instanceof java.util.Map<?, ?> ? "a dict" : "a " + value.getClass().getSimpleName();
        ValueJson.closeTensors(value);
        throw new IllegalArgumentException(name + " holds " + what + ", not one tensor (save it with torch.save(tensor, path))");
    }
}
