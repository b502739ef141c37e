package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.files.AtomicWrite;
import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.ByteVector;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.global.torch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Values to and from {@code torch.save} files (LibTorch's pickle_save / pickle_load), for the run panel. */
public final class ValueFiles {
    private ValueFiles() {
    }

    /** Writes {@code value} (a tensor, or tuples/lists/dicts of them) as {@code torch.save} would; Python's torch.load reads it. */
    public static void save(Object value, Path file) throws IOException {
        Runtime.ensureLoaded();
        byte[] bytes;
        try (PointerScope s = new PointerScope()) {
            IValue iv = IValues.toIValue(value, TsType.ANY, Where.result("save"));
            bytes = torch.pickle_save(iv).get();
        } catch (RuntimeException e) {
            throw new TorchException("cannot save the output as .pt: " + Errors.clean(e), e);
        }
        AtomicWrite.writeBytes(file, bytes);
    }

    /** Reads a {@code torch.save} file; tensors come back owned by the caller. */
    public static Object load(Path file) throws IOException {
        Runtime.ensureLoaded();
        byte[] bytes = Files.readAllBytes(file);
        try (PointerScope s = new PointerScope()) {
            IValue iv = torch.pickle_load(new ByteVector(bytes));
            return IValues.fromIValue(iv, TsType.ANY, Where.result(file.getFileName().toString()));
        } catch (RuntimeException e) {
            throw new TorchException(file.getFileName() + " is not a torch.save file LibTorch can read: " + Errors.clean(e), e);
        }
    }
}
