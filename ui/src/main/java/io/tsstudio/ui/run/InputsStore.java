package io.tsstudio.ui.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tsstudio.engine.files.AtomicWrite;
import io.tsstudio.ui.preferences.StudioDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the run panel's inputs per model file and method in one small JSON file in the user's data
 * directory, so reopening a model brings back what was last run. A damaged file is ignored, never fatal.
 */
public final class InputsStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<Map<String, ModelInputs>> TYPE = new TypeReference<>() { };

    /** The remembered state of one model: last method and device, and the arguments of each method. */
    public record ModelInputs(String method, String device, Map<String, Map<String, Map<String, String>>> arguments) {
        public ModelInputs {
            arguments = arguments == null ? new LinkedHashMap<>() : new LinkedHashMap<>(arguments);
        }
    }

    private final Path file;

    public InputsStore(Path file) {
        this.file = file;
    }

    /** {@code run-inputs.json} in the studio's data directory ({@link StudioDirs}; {@code -Dtsstudio.home} moves it). */
    public static InputsStore inUserDataDir() {
        return new InputsStore(StudioDirs.forUser().data().resolve("run-inputs.json"));
    }

    public Path file() {
        return file;
    }

    public synchronized ModelInputs load(Path model) {
        return readAll().get(key(model));
    }

    public synchronized void save(Path model, ModelInputs inputs) {
        Map<String, ModelInputs> all = readAll();
        all.put(key(model), inputs);
        try {
            // a unique temp name per write: two studios saving at once must not write into one temp file
            AtomicWrite.writeBytes(file, JSON.writeValueAsBytes(all));
        } catch (IOException e) {
            System.getLogger(InputsStore.class.getName()).log(System.Logger.Level.WARNING, "cannot remember run inputs in " + file + ": " + e);
        }
    }

    private Map<String, ModelInputs> readAll() {
        if (!Files.isRegularFile(file)) return new LinkedHashMap<>();
        try {
            Map<String, ModelInputs> m = JSON.readValue(file.toFile(), TYPE);
            return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
        } catch (IOException e) {
            return new LinkedHashMap<>();
        }
    }

    private static String key(Path model) {
        return model.toAbsolutePath().normalize().toString();
    }
}
