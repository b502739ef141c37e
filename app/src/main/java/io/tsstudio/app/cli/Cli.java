package io.tsstudio.app.cli;

/** The {@code tsstudio} command line (inspect, run, compile, graph). */
public final class Cli {
    private Cli() {
    }

    /** Runs one command and returns its exit status: 0 success, 2 user error, 1 internal error. */
    public static int run(String[] args) {
        System.err.println("usage: tsstudio [inspect|run|compile|graph] ...  (not built yet)");
        return 2;
    }
}
