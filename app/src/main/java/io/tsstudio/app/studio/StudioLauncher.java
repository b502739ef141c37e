package io.tsstudio.app.studio;

import javafx.application.Application;

/**
 * Starts the JavaFX studio from the plain {@code Launcher} main class (an {@code Application} subclass as the main
 * class fails on the class path with "JavaFX runtime components are missing"). Arguments are files to open.
 */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(StudioApplication.class, args);
    }
}
