package io.tsstudio.ui.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of opening a file: a TorchScript model (with its code per class, for the code tabs), a torch.save state
 * dict (read-only; {@code description} summarises it), or TorchScript source text.
 */
public sealed interface OpenedFile {
    Path file();

    /** {@code skippedCode}: code files too large to read ({@link io.tsstudio.engine.ArchiveLimits}), with why. */
    record Model(Path file, OpenModel model, Map<String, String> codeByClass, List<String> skippedCode) implements OpenedFile {
        public Model {
            skippedCode = List.copyOf(skippedCode);
        }

        public Model(Path file, OpenModel model, Map<String, String> codeByClass) {
            this(file, model, codeByClass, List.of());
        }
    }

    record StateDict(Path file, OpenModel model, String description) implements OpenedFile {
    }

    record Source(Path file, String text) implements OpenedFile {
    }

    /**
     * A TorchScript model LibTorch cannot load because it calls operators nothing here provides: its code and
     * summary come from the archive itself ({@code model.module()} is null); {@code notice} names the operators.
     */
    record NeedsOperators(Path file, OpenModel model, Map<String, String> codeByClass, String notice) implements OpenedFile {
    }
}
