package io.tsstudio.ui.preferences;

import io.tsstudio.engine.files.AtomicWrite;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Small persistent settings (window geometry, divider positions, theme) in a properties file under the config dir. */
public final class StudioSettings {
    private final Path file;
    private final Properties props = new Properties();

    public StudioSettings(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException ignored) {
                // Broken settings fall back to defaults.
            }
        }
    }

    public String get(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(props.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = props.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public void put(String key, Object value) {
        props.setProperty(key, String.valueOf(value));
    }

    public void save() {
        try {
            StringWriter w = new StringWriter();
            props.store(w, "TorchScript Studio settings");
            AtomicWrite.writeString(file, w.toString());
        } catch (IOException ignored) {
            // Settings are a convenience; failing to write them must not disturb closing the app.
        }
    }
}
