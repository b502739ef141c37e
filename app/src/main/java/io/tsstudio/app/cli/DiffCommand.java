package io.tsstudio.app.cli;

import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.ModelDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.diff.Tolerance;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.run.CancelToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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
final class DiffCommand implements Callable<Integer> {
    static final int DIFFER = 1;

    @Parameters(index = "0", paramLabel = "A", description = "the first TorchScript .pt file")
    String fileA;

    @Parameters(index = "1", paramLabel = "B", description = "the second TorchScript .pt file")
    String fileB;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "forward", description = "method to run with --arg (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--arg", paramLabel = "JSON", description = "one positional argument as JSON, or @FILE.json; repeat for each")
    List<String> args = new ArrayList<>();

    @Option(names = "--rtol", paramLabel = "R", defaultValue = "1e-5", description = "relative tolerance (default: ${DEFAULT-VALUE})")
    double rtol;

    @Option(names = "--atol", paramLabel = "A", defaultValue = "1e-8", description = "absolute tolerance (default: ${DEFAULT-VALUE})")
    double atol;

    @Option(names = "--keep-mb", paramLabel = "MB", defaultValue = "2048",
            description = "module outputs kept per model for the value comparison; larger ones compare by statistics (default: ${DEFAULT-VALUE})")
    long keepMb;

    @Option(names = "--json", description = "print the diff as JSON: {structure: {modules, parameters}, outputs, first_divergence, modules}")
    boolean json;

    @picocli.CommandLine.Mixin
    OperatorOptions operators = new OperatorOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        operators.apply();
        Tolerance tolerance;
        try {
            tolerance = new Tolerance(rtol, atol);
        } catch (IllegalArgumentException e) {
            throw new UserError("--rtol/--atol: " + e.getMessage());
        }
        if (keepMb < 0) throw new UserError("--keep-mb must be 0 or more, not " + keepMb);
        CliFiles.existing(fileA);
        CliFiles.existing(fileB);
        PrintWriter out = spec.commandLine().getOut();
        try (ScriptModule a = CliFiles.load(fileA, Device.CPU); ScriptModule b = CliFiles.load(fileB, Device.CPU)) {
            ModelDiff diff;
            if (args.isEmpty()) {
                diff = ModelDiffer.compare(a, b);
            } else {
                List<Object> values = arguments(a, b);
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

    /** The --arg values, read once against A's declared argument types and given to both models. */
    private List<Object> arguments(ScriptModule a, ScriptModule b) {
        CliFiles.method(a, fileA, method);
        CliFiles.method(b, fileB, method);
        List<ArgumentInfo> declared = a.method(method).arguments();
        if (args.size() > declared.size()) {
            throw new UserError(method + " takes " + declared.size() + " argument" + (declared.size() == 1 ? "" : "s")
                    + ", but " + args.size() + " --arg were given");
        }
        for (int i = args.size(); i < declared.size(); i++) {
            if (declared.get(i).defaultValue().isEmpty()) {
                throw new UserError(method + " needs argument '" + declared.get(i).name() + "' (" + declared.get(i).type() + "): add another --arg");
            }
        }
        List<Object> values = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                ArgumentInfo arg = declared.get(i);
                values.add(ArgumentText.read(args.get(i), arg.type(), "argument '" + arg.name() + "'", Device.CPU));
            }
        } catch (RuntimeException e) {
            values.forEach(ValueJson::closeTensors);
            throw e;
        }
        return values;
    }
}
