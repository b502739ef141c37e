package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.OperatorVector;
import org.bytedeco.pytorch.Symbol;

import java.nio.file.Files;
import java.nio.file.Path;

/** Live questions to LibTorch's operator registry, and loading native operator libraries into it. */
public final class OperatorRegistry {
    private OperatorRegistry() {
    }

    /** Whether any overload of {@code qualified} ({@code ns::name}) is registered right now. */
    public static boolean isRegistered(String qualified) {
        Runtime.ensureLoaded();
        try (PointerScope s = new PointerScope()) {
            OperatorVector ops = org.bytedeco.pytorch.global.torch.getAllOperatorsFor(Symbol.fromQualString(qualified));
            return ops != null && ops.size() > 0;
        }
    }

    /**
     * Loads a native library with global symbol visibility, as {@code torch.ops.load_library} does, so its static
     * TORCH_LIBRARY registrars run against the LibTorch already in this process and can resolve its symbols.
     */
    public static void loadLibrary(Path library) {
        Path abs = library.toAbsolutePath();
        if (!Files.isRegularFile(abs)) throw new TorchException("operator library not found: " + abs);
        Runtime.ensureLoaded();
        try {
            // RTLD_GLOBAL where the OS has it (Linux, macOS); a plain load elsewhere
            Loader.loadGlobal(abs.toString());
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new TorchException("cannot load operator library " + abs + ": " + e.getMessage(), e);
        }
        OpCatalog.invalidate();
    }
}
