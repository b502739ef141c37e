package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.PreparedCall;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.InputProposal;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunResult;
import io.tsstudio.engine.run.RunStats;
import io.tsstudio.engine.run.Runner;
import io.tsstudio.engine.run.TimedMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tsstudio run FILE [--method NAME] [--arg JSON]... [--device DEV] [--warmup N] [--iterations N] [--json]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Call a method of a TorchScript model with JSON arguments; print its result and timing.",
                "",
                "Each --arg is one argument, read as the method's schema declares it:",
                "  tensor  {\"tensor\": [[1, 2], [3, 4]], \"dtype\": \"float32\"}",
                "          {\"tensor\": {\"file\": \"x.npy\"}} (or a torch.save'd .pt tensor)",
                "          {\"tensor\": {\"shape\": [2, 3], \"fill\": \"zeros|ones|rand|randn|arange\"}}",
                "  tuple   [1, \"a\"] or {\"tuple\": [1, \"a\"]}",
                "  dict    {\"key\": 1} or {\"dict\": [[key, value], ...]}",
                "  list [..], NamedTuple {\"field\": ..}, numbers, strings, true/false, null (None)",
                "Without --arg, inputs are proposed from the model's first layers and printed.",
                "--arg @FILE.json reads the JSON from a file (tensor files: from its folder).",
                ""})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a TorchScript .pt file")
    String file;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "forward", description = "method to call (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--arg", paramLabel = "JSON", description = "one positional argument as JSON, or @FILE.json; repeat for each")
    List<String> args = new ArrayList<>();

    @Option(names = "--device", paramLabel = "DEV", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0", description = "untimed calls first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1", description = "timed calls (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--json", description = "print JSON: {method, device, output, timing}")
    boolean json;

    @Option(names = "--inference", description = "time inference: eval mode, grad off, whatever mode the file is in "
            + "(default: the module as it is; the mode timed is printed)")
    boolean inference;

    @picocli.CommandLine.Mixin
    OperatorOptions operators = new OperatorOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        operators.apply();
        if (warmup < 0) throw new UserError("--warmup must be 0 or more, not " + warmup);
        if (iterations < 1) throw new UserError("--iterations must be 1 or more, not " + iterations);
        Device dev = CliFiles.device(device);
        PrintWriter out = spec.commandLine().getOut();
        try (ScriptModule m = CliFiles.load(file, dev)) {
            MethodInfo info = CliFiles.method(m, file, method);
            List<Object> values = arguments(m, method, info, args, json, spec, dev);
            boolean training = m.isTraining();
            RunPlan plan = new RunPlan(warmup, iterations, 1, inference);
            TimedMode mode = TimedMode.of(training, plan);
            try {
                if (inference && training) m.eval();
                // The one timing engine, shared with the studio's run panel and benchmarks; arguments are converted
                // once (PreparedCall), so the timed calls are the model's calls and nothing else.
                Object result;
                RunStats timing;
                try (PreparedCall call = m.prepare(method, mode == TimedMode.INFERENCE, values.toArray())) {
                    RunResult<PreparedCall.Result> run = timed(plan, call);
                    timing = run.stats();
                    result = run.output().toJava();
                }
                try {
                    out.print(json ? JsonOut.text(json(dev, result, timing, mode)) + "\n" : text(info, dev, result, timing, mode));
                } finally {
                    ValueJson.closeTensors(result);
                }
            } finally {
                if (inference && training) m.train(true);
                values.forEach(ValueJson::closeTensors);
            }
        }
        return 0;
    }

    private static RunResult<PreparedCall.Result> timed(RunPlan plan, PreparedCall call) {
        try {
            return new Runner(plan).onCallerThread(call::enterThread).run(call::invoke, PreparedCall.Result::close, CancelToken.none());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("run interrupted: " + e, e);
        }
    }

    /**
     * The --arg values read against the method's declared argument types (self excluded). Without any --arg, a method
     * that takes arguments gets the ones {@link InputProposal} reads from the model, printed (to stderr with --json,
     * so the JSON stays clean) so the user can copy and edit them.
     */
    static List<Object> arguments(ScriptModule m, String method, MethodInfo info, List<String> args, boolean json,
                                  CommandSpec spec, Device dev) {
        List<ArgumentInfo> declared = info.arguments();
        if (args.isEmpty() && !declared.isEmpty()) {
            List<ProposedInput> proposed = InputProposal.propose(m, method);
            PrintWriter to = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
            to.println("no --arg given: running with inputs proposed from the model");
            for (ProposedInput p : proposed) to.println("  --arg '" + p.json() + "'   # " + p.name() + ": " + p.source());
            to.flush();
            args = new ArrayList<>(proposed.stream().map(ProposedInput::json).toList());
        }
        if (args.size() > declared.size()) {
            throw new UserError(method + " takes " + declared.size() + " argument" + (declared.size() == 1 ? "" : "s")
                    + describe(declared) + ", but " + args.size() + " --arg were given");
        }
        for (int i = args.size(); i < declared.size(); i++) {
            ArgumentInfo missing = declared.get(i);
            if (missing.defaultValue().isEmpty()) {
                throw new UserError(method + " needs argument '" + missing.name() + "' (" + missing.type() + "): add --arg "
                        + example(missing.type()) + " (" + method + " takes" + describe(declared) + ")");
            }
        }
        List<Object> values = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                ArgumentInfo a = declared.get(i);
                values.add(ArgumentText.read(args.get(i), a.type(), "argument '" + a.name() + "'", dev));
            }
        } catch (RuntimeException e) {
            values.forEach(ValueJson::closeTensors);
            throw e;
        }
        return values;
    }

    private static String describe(List<ArgumentInfo> declared) {
        if (declared.isEmpty()) return " no arguments";
        return " (" + String.join(", ", declared.stream().map(a -> a.name() + ": " + a.type()).toList()) + ")";
    }

    private static String example(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("tensor")) return "'{\"tensor\": {\"shape\": [2, 3], \"fill\": \"randn\"}}'";
        if (t.startsWith("list") || t.endsWith("[]")) return "'[1, 2]'";
        if (t.startsWith("int")) return "1";
        if (t.startsWith("float")) return "1.5";
        if (t.startsWith("bool")) return "true";
        if (t.startsWith("str")) return "'\"text\"'";
        return "JSON";
    }

    private ObjectNode json(Device dev, Object result, RunStats timing, TimedMode mode) {
        ObjectNode o = JsonOut.object();
        o.put("method", method);
        o.put("device", dev.toString());
        o.set("output", ValueJson.write(result));
        ObjectNode t = o.putObject("timing");
        t.put("warmup", warmup);
        t.put("iterations", timing.count());
        t.put("min_ms", nanosecondPrecision(timing.minMs()));
        t.put("p50_ms", nanosecondPrecision(timing.p50Ms()));
        t.put("p90_ms", nanosecondPrecision(timing.p90Ms()));
        t.put("max_ms", nanosecondPrecision(timing.maxMs()));
        t.put("mode", mode.name().toLowerCase(Locale.ROOT));
        t.put("intra_op_threads", Torch.intraOpThreads());
        return o;
    }

    /** Milliseconds to the nanosecond the clock measured, without binary-fraction tails (0.4404470000000004). */
    static double nanosecondPrecision(double ms) {
        return Math.round(ms * 1e6) / 1e6;
    }

    private String text(MethodInfo info, Device dev, Object result, RunStats timing, TimedMode mode) {
        StringBuilder sb = new StringBuilder();
        sb.append(InspectReport.signature(info)).append(" on ").append(dev).append('\n');
        sb.append(ValueText.format(result)).append("\n\n");
        if (timing.count() == 1) {
            sb.append(String.format(Locale.ROOT, "time  %.3f ms (1 call%s)%n", timing.minMs(), warmup > 0 ? " after " + warmup + " warmup"
                    : "; the first call also optimizes the graph: --warmup 3 --iterations 20 for steady figures"));
        } else {
            sb.append(String.format(Locale.ROOT, "time  min %.3f ms  p50 %.3f ms  p90 %.3f ms  max %.3f ms  (%d calls after %d warmup)%n",
                    timing.minMs(), timing.p50Ms(), timing.p90Ms(), timing.maxMs(), timing.count(), warmup));
        }
        sb.append(String.format(Locale.ROOT, "timed %s, %d intra-op thread%s%n", mode.label(), Torch.intraOpThreads(),
                Torch.intraOpThreads() == 1 ? "" : "s"));
        return sb.toString();
    }
}
