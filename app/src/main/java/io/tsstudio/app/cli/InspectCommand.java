package io.tsstudio.app.cli;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.ModelFileInfo;
import io.tsstudio.engine.ModelFiles;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ArchiveModel;
import io.tsstudio.engine.ops.MissingOperatorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code tsstudio inspect FILE [--json]}. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a model file holds.",
                "The class, methods, parameters, buffers, attributes and submodules of a",
                "TorchScript archive, or the tensors of a torch.save archive."})
final class InspectCommand extends ModelCommand {
    @Parameters(paramLabel = "FILE", description = "a .pt file")
    String file;

    @Option(names = "--json", description = {"print JSON: file, format, class, methods, parameters,", "buffers, attributes, submodules, parameter_count"})
    boolean json;

    @Override
    int run(PrintWriter out) {
        Path path = CliFiles.existing(file);
        ModelFileInfo info = ModelFiles.identify(path);
        switch (info.kind()) {
            case TORCH_SAVE:
                out.print(json ? JsonOut.text(InspectReport.torchSaveJson(file, info)) + "\n" : InspectReport.torchSaveText(file, info));
                return 0;
            case UNKNOWN:
                if (json) out.println(JsonOut.text(InspectReport.unknownJson(file)));
                throw new UserError(file + " is not a model file (neither a TorchScript nor a torch.save archive): it is " + info.description());
            default:
                try (ScriptModule m = CliFiles.load(file, Device.CPU)) {
                    out.print(json ? JsonOut.text(InspectReport.json(file, m)) + "\n" : InspectReport.text(file, m));
                } catch (MissingOperatorException e) {
                    ArchiveModel offline;
                    try {
                        offline = ArchiveModel.read(path);
                    } catch (java.io.IOException io) {
                        throw e;
                    }
                    out.print(json ? JsonOut.text(InspectReport.needsOperatorsJson(file, offline, e.missing())) + "\n"
                            : InspectReport.needsOperatorsText(file, offline, e.missing()));
                }
                return 0;
        }
    }
}
