package io.tsstudio.app.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command that loads TorchScript models: {@code --load-library} (native operators a model may need, loaded before
 * it) and the command's output streams. Each command does its work in {@link #run(PrintWriter)}.
 */
abstract class ModelCommand implements Callable<Integer> {
    @Mixin
    OperatorOptions operators = new OperatorOptions();

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        operators.apply();
        return run(spec.commandLine().getOut());
    }

    /** The command's work, printing its result to {@code out}; returns the exit status. */
    abstract int run(PrintWriter out);

    /** Where notes beside the result go: stderr with --json, so the JSON on stdout stays clean. */
    PrintWriter notes(boolean json) {
        return json ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }
}
