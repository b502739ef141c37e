package io.tsstudio.engine.ops;

import io.tsstudio.engine.internal.torch.OperatorRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Native operator libraries loaded into this process, as {@code torch.ops.load_library} does in Python (a
 * torchvision, torchaudio or custom-op {@code .so}/{@code .dylib}/{@code .dll} built against the same LibTorch).
 * Load them before the models that need them; a library stays loaded for the life of the process.
 */
public final class OperatorLibraries {
    private static final List<Path> LOADED = new ArrayList<>();

    private OperatorLibraries() {
    }

    /** Loads {@code library}; a second call with the same file does nothing. Throws TorchException on failure. */
    public static synchronized void load(Path library) {
        Path abs = library.toAbsolutePath().normalize();
        if (LOADED.contains(abs)) return;
        OperatorRegistry.loadLibrary(abs);
        LOADED.add(abs);
    }

    public static synchronized List<Path> loaded() {
        return List.copyOf(LOADED);
    }

    /** Whether LibTorch registers {@code op} now (itself or through a loaded library). */
    public static boolean isRegistered(OperatorRef op) {
        return OperatorRegistry.isRegistered(op.qualified());
    }
}
