package io.tsstudio.app.cli;

import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code tsstudio} command line (inspect, run, compile, graph, export). This is the one class that touches the process's
 * standard streams: it binds them to writers and every command prints through those (see AppArchitectureTest).
 */
public final class Cli {
    private Cli() {
    }

    /** Runs one command on the process's stdout/stderr and returns its exit status: 0 success, 2 user error, 1 internal error. */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(args, out, err);
    }

    /** Runs one command writing to the given streams (tests, the studio's embedded console). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new TsstudioCommand());
        cl.setOut(out);
        cl.setErr(err);
        Failures failures = new Failures();
        cl.setExecutionExceptionHandler(failures);
        cl.setParameterExceptionHandler(failures);
        // "--arg @x.json" names a JSON file for the run command (ArgumentText); picocli's own @-file expansion would split
        // its JSON into words first.
        cl.setExpandAtFiles(false);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
