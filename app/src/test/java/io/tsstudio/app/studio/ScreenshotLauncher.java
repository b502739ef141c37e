package io.tsstudio.app.studio;

import javafx.application.Application;

/** Main class for {@link ScreenshotSession} (an Application subclass cannot be the class-path main class). */
public final class ScreenshotLauncher {
    private ScreenshotLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(ScreenshotSession.class, args);
    }
}
