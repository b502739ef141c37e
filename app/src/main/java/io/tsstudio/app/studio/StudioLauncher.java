package io.tsstudio.app.studio;

import io.tsstudio.app.cli.Cli;

/** Starts the JavaFX studio. */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch(String[] args) {
        // Until the studio window exists, say what the command line offers (only the CLI prints: AppArchitectureTest).
        Cli.run(new String[] {"--help"});
    }
}
