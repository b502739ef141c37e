package io.tsstudio.app.studio;

/** Starts the JavaFX studio. */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch(String[] args) {
        System.err.println("usage: tsstudio [FILE...] | tsstudio inspect|run|compile|graph ...  (the studio window is not built yet)");
    }
}
