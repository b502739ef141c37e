package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunStats;
import io.tsstudio.engine.run.TimedCall;
import io.tsstudio.engine.run.TimedMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

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
final class RunCommand extends ModelCommand {
    @Mixin
    ModelCallOptions call = new ModelCallOptions();

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0", description = "untimed calls first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1", description = "timed calls (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--json", description = "print JSON: {method, device, output, timing}")
    boolean json;

    @Option(names = "--inference", description = "time inference: eval mode, grad off, whatever mode the file is in "
            + "(default: the module as it is; the mode timed is printed)")
    boolean inference;

    @Override
    int run(PrintWriter out) {
        if (warmup < 0) throw new UserError("--warmup must be 0 or more, not " + warmup);
        if (iterations < 1) throw new UserError("--iterations must be 1 or more, not " + iterations);
        Device dev = call.device();
        try (ScriptModule m = call.load(dev)) {
            MethodInfo info = call.method(m);
            List<Object> values = call.arguments(m, notes(json), dev);
            RunPlan plan = new RunPlan(warmup, iterations, 1, inference);
            try {
                // The one timing engine, shared with the studio's run panel and benchmarks
                TimedCall run = timed(m, call.method, values, plan);
                try {
                    out.print(json ? JsonOut.text(json(dev, run.output(), run.stats(), run.mode())) + "\n"
                            : text(info, dev, run.output(), run.stats(), run.mode()));
                } finally {
                    ValueJson.closeTensors(run.output());
                }
            } finally {
                values.forEach(ValueJson::closeTensors);
            }
        }
        return 0;
    }

    private static TimedCall timed(ScriptModule m, String method, List<Object> values, RunPlan plan) {
        try {
            return TimedCall.run(m, method, values, plan, RunListener.NONE, CancelToken.none());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("run interrupted: " + e, e);
        }
    }

    private ObjectNode json(Device dev, Object result, RunStats timing, TimedMode mode) {
        ObjectNode o = JsonOut.object();
        o.put("method", call.method);
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
