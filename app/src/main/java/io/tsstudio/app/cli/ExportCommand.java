package io.tsstudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tsstudio export FORMAT ...}: one sub-command per serving format (Triton for now). */
@Command(name = "export", mixinStandardHelpOptions = true, subcommands = {ExportTritonCommand.class},
        description = {"Export a TorchScript model for a model server (triton).", ""})
final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
