package io.tsstudio.ui.session;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.inspect.ModelSummary;

import java.nio.file.Path;

/**
 * A model file open in the studio: where it came from, its summary for the inspector, and (for TorchScript) the
 * loaded module the code tabs recompile into. {@code module} is null for a torch.save state dict.
 */
public record OpenModel(Path file, ModelSummary summary, ScriptModule module) {
    public String fileName() {
        return file == null ? summary.fileName() : file.getFileName().toString();
    }

    public boolean isTorchScript() {
        return module != null;
    }
}
