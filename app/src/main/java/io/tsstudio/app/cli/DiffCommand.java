package io.tsstudio.app.cli;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.ModelDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.diff.Tolerance;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.run.CancelToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

/** {@code tsstudio diff A.pt B.pt [--method NAME] [--arg JSON]... [--rtol R] [--atol A] [--json]}. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two models: structure, weights, code and where outputs part.",
                "",
                "Modules are matched by submodule path, parameters and buffers by dotted name; the code of",
                "their classes is compared line by line. Given --arg, both models run on the same inputs,",
                "their module calls are matched by path and call order, and the first module whose output",
                "differs beyond --rtol/--atol (as torch.allclose) is the first divergence.",
                "--arg is read as in 'tsstudio run' (against A's method); the same values go to both models.",
                "",
                "Exit status: 0 the models are equivalent (with --arg: on those inputs; without: equal",
                "modules, parameters and code), 1 they differ, 2 user error.",
                ""})
final class DiffCommand extends ModelCommand {
    static final int DIFFER = 1;

    @Parameters(index = "0", paramLabel = "A", description = "the first TorchScript .pt file")
    String fileA;

    @Parameters(index = "1", paramLabel = "B", description = "the second TorchScript .pt file")
    String fileB;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "forward", description = "method to run with --arg (default: ${DEFAULT-VALUE})")
    String method;

    @Mixin
    CallArguments arguments = new CallArguments();

    @Option(names = "--rtol", paramLabel = "R", defaultValue = "1e-5", description = "relative tolerance (default: ${DEFAULT-VALUE})")
    double rtol;

    @Option(names = "--atol", paramLabel = "A", defaultValue = "1e-8", description = "absolute tolerance (default: ${DEFAULT-VALUE})")
    double atol;

    @Option(names = "--keep-mb", paramLabel = "MB", defaultValue = "2048",
            description = "module outputs kept per model for the value comparison; larger ones compare by statistics (default: ${DEFAULT-VALUE})")
    long keepMb;

    @Option(names = "--json", description = "print the diff as JSON: {structure: {modules, parameters}, outputs, first_divergence, modules}")
    boolean json;

    @Override
    int run(PrintWriter out) {
        Tolerance tolerance;
        try {
            tolerance = new Tolerance(rtol, atol);
        } catch (IllegalArgumentException e) {
            throw new UserError("--rtol/--atol: " + e.getMessage());
        }
        if (keepMb < 0) throw new UserError("--keep-mb must be 0 or more, not " + keepMb);
        CliFiles.existing(fileA);
        CliFiles.existing(fileB);
        try (ScriptModule a = CliFiles.load(fileA, Device.CPU); ScriptModule b = CliFiles.load(fileB, Device.CPU)) {
            ModelDiff diff;
            if (!arguments.given()) {
                diff = ModelDiffer.compare(a, b);
            } else {
                // read once against A's declared argument types; the same values go to both models
                CliFiles.method(a, fileA, method);
                CliFiles.method(b, fileB, method);
                List<Object> values = arguments.read(a, method, out, Device.CPU);
                try {
                    diff = ModelDiffer.compare(a, b, method, values, tolerance, keepMb << 20, ModelDiffer.IN_PROCESS, CancelToken.none());
                } finally {
                    values.forEach(ValueJson::closeTensors);
                }
            }
            out.print(json ? JsonOut.text(DiffReport.json(diff)) + "\n" : DiffReport.text(fileA, fileB, diff));
            return diff.equivalent() ? 0 : DIFFER;
        }
    }
}
