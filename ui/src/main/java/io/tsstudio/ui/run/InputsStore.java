package io.tsstudio.ui.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** {@code ~/.local/share/tsstudio/run-inputs.json} (or {@code $XDG_DATA_HOME}, {@code %APPDATA%}). */
    public static InputsStore inUserDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        String appData = System.getenv("APPDATA");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : appData != null && !appData.isBlank() ? Path.of(appData)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return new InputsStore(base.resolve("tsstudio").resolve("run-inputs.json"));
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
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), all);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
