package io.tsstudio.ui.preferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the studio keeps its settings (config) and its own files (data: autosaves, the sample workspace).
 * {@code -Dtsstudio.home=DIR} puts both under DIR, which tests use to stay out of the user's home.
 */
public record StudioDirs(Path config, Path data) {
    public static StudioDirs forUser() {
        String home = System.getProperty("tsstudio.home");
        if (home != null && !home.isBlank()) {
            Path h = Path.of(home);
            return new StudioDirs(h.resolve("config"), h.resolve("data"));
        }
        Path userHome = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            Path base = appData != null ? Path.of(appData) : userHome.resolve("AppData/Roaming");
            return new StudioDirs(base.resolve("TorchScript Studio/config"), base.resolve("TorchScript Studio/data"));
        }
        if (os.contains("mac")) {
            Path base = userHome.resolve("Library/Application Support/TorchScript Studio");
            return new StudioDirs(base.resolve("config"), base.resolve("data"));
        }
        String xdgConfig = System.getenv("XDG_CONFIG_HOME");
        String xdgData = System.getenv("XDG_DATA_HOME");
        Path config = (xdgConfig != null && !xdgConfig.isBlank() ? Path.of(xdgConfig) : userHome.resolve(".config")).resolve("tsstudio");
        Path data = (xdgData != null && !xdgData.isBlank() ? Path.of(xdgData) : userHome.resolve(".local/share")).resolve("tsstudio");
        return new StudioDirs(config, data);
    }

    public static StudioDirs under(Path root) {
        return new StudioDirs(root.resolve("config"), root.resolve("data"));
    }

    public Path autosave() {
        return ensure(data.resolve("autosave"));
    }

    public Path workspace() {
        return ensure(data.resolve("workspace"));
    }

    public Path configDir() {
        return ensure(config);
    }

    private static Path ensure(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p + ": " + e.getMessage(), e);
        }
    }
}
