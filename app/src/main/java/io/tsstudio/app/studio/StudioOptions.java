package io.tsstudio.app.studio;

import io.tsstudio.ui.theme.Theme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the studio was started with: files to open (the command line's FILE arguments), plus system properties for
 * screenshots and smoke runs: {@code -Dtsstudio.theme=dark}, {@code -Dtsstudio.exitAfterMs=N},
 * {@code -Dtsstudio.snapshot=out.png} (a scene snapshot taken just before that exit).
 */
public record StudioOptions(List<Path> files, Theme theme, long exitAfterMillis, Path snapshot) {
    public static StudioOptions parse(List<String> args) {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--")) continue;
            files.add(Path.of(a));
        }
        String theme = System.getProperty("tsstudio.theme");
        long exit = Long.getLong("tsstudio.exitAfterMs", 0L);
        String snap = System.getProperty("tsstudio.snapshot");
        return new StudioOptions(files, theme == null ? null : Theme.parse(theme, Theme.LIGHT), exit, snap == null ? null : Path.of(snap));
    }
}
