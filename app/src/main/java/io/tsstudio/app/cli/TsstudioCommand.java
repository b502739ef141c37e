package io.tsstudio.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: sub-commands only; on its own it prints the usage. */
@Command(name = "tsstudio", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        subcommands = {InspectCommand.class, RunCommand.class, ProfileCommand.class, CompileCommand.class, GraphCommand.class,
                DiffCommand.class, ExportCommand.class,
                CommandLine.HelpCommand.class},
        description = {"TorchScript Studio: inspect, run, profile, compile, draw, compare and export TorchScript models.",
                "Without arguments, ./tsstudio opens the studio window."},
        footer = {"", "Exit status: 0 success, 2 user error (bad file, arguments, source or types),",
                "1 internal error."})
final class TsstudioCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
