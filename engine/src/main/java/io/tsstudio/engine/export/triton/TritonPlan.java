package io.tsstudio.engine.export.triton;

import java.nio.file.Path;
import java.util.List;

/**
 * An export worked out but not written yet: the config, where it goes and what will be written. The studio's dialog
 * shows it as a preview; {@link TritonExport#write} writes exactly this.
 *
 * @param config      the config to write
 * @param modelFolder {@code REPO/NAME}
 * @param version     the version folder the model goes to: one more than the highest there, else 1
 * @param notes       things the user should know (the config changes what older versions were exported with, ...)
 */
public record TritonPlan(TritonModelConfig config, Path modelFolder, int version, List<String> notes) {
    public TritonPlan {
        notes = List.copyOf(notes);
    }

    public String configText() {
        return config.toPbtxt(version);
    }

    public Path configFile() {
        return modelFolder.resolve("config.pbtxt");
    }

    public Path modelFile() {
        return modelFolder.resolve(Integer.toString(version)).resolve("model.pt");
    }

    /** The two files an export writes, config first. */
    public List<Path> files() {
        return List.of(configFile(), modelFile());
    }
}
