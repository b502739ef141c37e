package io.tsstudio.engine.ops;

/**
 * What a saved file carries for torchvision operators that were provided by the built-in TorchScript
 * implementations. Chosen per save; the default is settable (studio Preferences, CLI {@code --save-operators}).
 */
public enum SavedOperators {
    /**
     * Calls to torchvision's own operators (thin wrappers in {@code __torch__.tsstudio.torchvision_ops}): PyTorch
     * with torchvision runs its native kernels, as for the original file; plain LibTorch needs torchvision's library.
     */
    TORCHVISION,
    /**
     * The TorchScript implementations themselves: the file runs in any PyTorch or LibTorch without torchvision, at
     * the implementations' speed (slower than torchvision's C++/CUDA kernels; see docs/ENGINEERING.md).
     */
    EMBEDDED;

    private static volatile SavedOperators defaultPolicy = TORCHVISION;

    public static SavedOperators defaultPolicy() {
        return defaultPolicy;
    }

    public static void setDefaultPolicy(SavedOperators policy) {
        defaultPolicy = java.util.Objects.requireNonNull(policy);
    }

    /** Parses a CLI or preference value ({@code torchvision}, {@code embedded}), case-insensitively. */
    public static SavedOperators parse(String text) {
        for (SavedOperators s : values()) if (s.name().equalsIgnoreCase(text.trim())) return s;
        throw new IllegalArgumentException("unknown operator saving '" + text + "': use torchvision or embedded");
    }
}
