package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.observe.ModuleRecord;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.ObserveOptions;
import io.tsstudio.engine.observe.ObservedTensor;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.Observer;
import io.tsstudio.engine.observe.ObserverWarmUp;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.values.ValueJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code tsstudio profile FILE [--method NAME] [--arg JSON]... [--json] [--top N]}: one observed call, timed per node. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Call a method node by node and show where its time went.",
                "Prints the modules and operators with the most self time, with their calls and output shapes.",
                "Arguments as for 'run' (see 'tsstudio run --help').",
                "--json prints {method, output, total_ms, modules: [{path, class, calls, total_ms, self_ms, outputs}],",
                "nodes: [{id, kind, module, calls, total_ms, outputs}]}; outputs are [{dtype, shape}] of the first call.",
                ""})
final class ProfileCommand extends ModelCommand {
    /** Nodes whose time is the time of the nodes inside them: not operators of their own in the table. */
    private static final Set<String> CONTAINERS = Set.of("prim::CallMethod", "prim::CallFunction", "prim::If", "prim::Loop");

    @Mixin
    ModelCallOptions call = new ModelCallOptions();

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "plain calls first, and the profiler warms up on a model of its own, so first-call costs (kernel setup, the profiler's own start) stay out of the profile (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15", description = "rows per table in the text form (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", description = "print JSON (see above)")
    boolean json;

    @Override
    int run(PrintWriter out) {
        if (top < 1) throw new UserError("--top must be 1 or more, not " + top);
        if (warmup < 0) throw new UserError("--warmup must be 0 or more, not " + warmup);
        Device dev = call.device();
        try (ScriptModule m = call.load(dev)) {
            MethodInfo info = call.method(m);
            List<Object> values = call.arguments(m, notes(json), dev);
            for (int i = 0; i < warmup; i++) ValueJson.closeTensors(m.call(call.method, values.toArray()));
            if (warmup > 0) ObserverWarmUp.ensure();
            try (Observation o = Observer.observe(m, call.method, values, ObserveOptions.shapesOnly(), CancelToken.none())) {
                try {
                    out.print(json ? JsonOut.text(json(o)) + "\n" : text(info, dev, o));
                } finally {
                    ValueJson.closeTensors(o.output());
                }
            } finally {
                values.forEach(ValueJson::closeTensors);
            }
        }
        return 0;
    }

    private ObjectNode json(Observation o) {
        ObjectNode root = JsonOut.object();
        root.put("method", o.method());
        root.set("output", ValueJson.write(o.output()));
        root.put("total_ms", ms(o.totalNanos()));
        ArrayNode modules = root.putArray("modules");
        for (ModuleRecord r : o.modules()) {
            ObjectNode m = modules.addObject();
            m.put("path", r.path());
            m.put("class", r.className());
            m.put("calls", r.calls());
            m.put("total_ms", ms(r.totalNanos()));
            m.put("self_ms", ms(r.selfNanos()));
            outputs(m.putArray("outputs"), List.of(r.output()));
        }
        ArrayNode nodes = root.putArray("nodes");
        for (NodeRecord r : o.nodes()) {
            ObjectNode n = nodes.addObject();
            n.put("id", r.nodeId());
            n.put("kind", r.kind());
            n.put("module", r.module());
            n.put("calls", r.calls());
            n.put("total_ms", ms(r.totalNanos()));
            outputs(n.putArray("outputs"), r.outputs());
        }
        return root;
    }

    /** Every tensor of the values, flattened in order (tuple items, list items, dict values). */
    private static void outputs(ArrayNode into, List<ObservedValue> values) {
        for (ObservedValue v : values) {
            for (ObservedTensor t : v.tensors()) {
                ObjectNode o = into.addObject();
                o.put("dtype", t.dtype());
                ArrayNode shape = o.putArray("shape");
                for (long d : t.shape()) shape.add(d);
            }
        }
    }

    private String text(MethodInfo info, Device dev, Observation o) {
        StringBuilder sb = new StringBuilder();
        sb.append(InspectReport.signature(info)).append(" on ").append(dev).append('\n');
        sb.append(ValueText.format(o.output())).append("\n\n");
        double total = ms(o.totalNanos());
        sb.append(String.format(Locale.ROOT, "total %.3f ms (one call, node by node; times exclude the profiler's own work)%n%n", total));

        List<ModuleRecord> modules = new ArrayList<>(o.modules());
        modules.sort(Comparator.comparingLong(ModuleRecord::selfNanos).reversed());
        TextTable mt = new TextTable("self ms", "self %", "total ms", "calls", "module", "class", "output");
        for (ModuleRecord r : modules.subList(0, Math.min(top, modules.size()))) {
            mt.row(f3(ms(r.selfNanos())), percent(ms(r.selfNanos()), total), f3(ms(r.totalNanos())), r.calls(),
                    r.path().isEmpty() ? "(root)" : r.path(), shortClass(r.className()) + (r.opaque() ? " (run whole)" : ""),
                    r.output().text());
        }
        sb.append("modules by self time (top ").append(Math.min(top, modules.size())).append(" of ").append(modules.size()).append(")\n");
        sb.append(mt.render("  ")).append('\n');

        Map<String, long[]> byKind = new LinkedHashMap<>(); // kind -> {calls, nanos}
        for (NodeRecord n : o.nodes()) {
            if (CONTAINERS.contains(n.kind()) && !n.opaque()) continue;
            long[] acc = byKind.computeIfAbsent(n.kind(), k -> new long[2]);
            acc[0] += n.calls();
            acc[1] += n.totalNanos();
        }
        List<Map.Entry<String, long[]>> kinds = new ArrayList<>(byKind.entrySet());
        kinds.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        TextTable ot = new TextTable("self ms", "self %", "calls", "avg us", "operator");
        for (Map.Entry<String, long[]> e : kinds.subList(0, Math.min(top, kinds.size()))) {
            long[] v = e.getValue();
            ot.row(f3(ms(v[1])), percent(ms(v[1]), total), v[0], String.format(Locale.ROOT, "%.1f", v[1] / 1e3 / Math.max(1, v[0])), e.getKey());
        }
        sb.append("\noperators by self time (top ").append(Math.min(top, kinds.size())).append(" of ").append(kinds.size()).append(")\n");
        sb.append(ot.render("  ")).append('\n');
        return sb.toString();
    }

    private static String shortClass(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    private static double ms(long nanos) {
        return RunCommand.nanosecondPrecision(nanos / 1e6);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String percent(double part, double whole) {
        return whole <= 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * part / whole);
    }
}
