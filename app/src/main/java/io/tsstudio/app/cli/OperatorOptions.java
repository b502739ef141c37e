package io.tsstudio.app.cli;

import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.ops.OperatorLibraries;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --load-library PATH}: native operator libraries loaded before the model, as torch.ops.load_library does. */
final class OperatorOptions {
    @Option(names = "--load-library", paramLabel = "PATH",
            description = "load a native operator library (.so/.dylib/.dll: torchvision, torchaudio, custom ops) before the model; repeatable")
    List<String> libraries = new ArrayList<>();

    /** Loads the libraries; a missing or unloadable file is a user error naming it. */
    void apply() {
        for (String l : libraries) {
            Path p = Path.of(l);
            if (!Files.isRegularFile(p)) throw new UserError("--load-library: no such file: " + l);
            try {
                OperatorLibraries.load(p);
            } catch (TorchException e) {
                throw new UserError("--load-library: " + e.getMessage());
            }
        }
    }
}
