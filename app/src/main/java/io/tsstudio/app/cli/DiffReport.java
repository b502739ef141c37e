package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.diff.ClassCodeDiff;
import io.tsstudio.engine.diff.LineDiff;
import io.tsstudio.engine.diff.ModelDiff;
import io.tsstudio.engine.diff.ModuleChange;
import io.tsstudio.engine.diff.ModuleOutputDiff;
import io.tsstudio.engine.diff.NumericDiff;
import io.tsstudio.engine.diff.ParameterChange;

import java.util.List;
import java.util.Locale;

/** A model diff as the {@code diff} command prints it: the JSON contract of issue 16, or text for people. */
final class DiffReport {
    private DiffReport() {
    }

    /**
     * {@code {"structure": {"modules": [{path, status, what}], "parameters": [{name, status, max_abs_diff}]},
     * "outputs": {equal, max_abs_diff} | null, "first_divergence": null | {module, max_abs_diff},
     * "modules": [{path, max_abs_diff}]}}; outputs is null and modules empty when no inputs were run. A difference
     * that is not a finite number (a shape change, NaN) is null.
     */
    static ObjectNode json(ModelDiff d) {
        ObjectNode o = JsonOut.object();
        ObjectNode structure = o.putObject("structure");
        ArrayNode modules = structure.putArray("modules");
        for (ModuleChange m : d.modules()) {
            ObjectNode n = modules.addObject();
            n.put("path", m.path());
            n.put("status", m.status().jsonName());
            ArrayNode what = n.putArray("what");
            m.what().forEach(what::add);
        }
        ArrayNode parameters = structure.putArray("parameters");
        for (ParameterChange p : d.parameters()) {
            ObjectNode n = parameters.addObject();
            n.put("name", p.name());
            n.put("status", p.status().jsonName());
            number(n, "max_abs_diff", p.maxAbsDiff());
        }
        NumericDiff numeric = d.numeric().orElse(null);
        if (numeric == null) {
            o.putNull("outputs");
            o.putNull("first_divergence");
            o.putArray("modules");
            return o;
        }
        ObjectNode outputs = o.putObject("outputs");
        outputs.put("equal", numeric.outputsEqual());
        number(outputs, "max_abs_diff", numeric.outputMaxAbsDiff());
        if (numeric.firstDivergence().isEmpty()) {
            o.putNull("first_divergence");
        } else {
            ObjectNode f = o.putObject("first_divergence");
            f.put("module", numeric.firstDivergence().get().path());
            number(f, "max_abs_diff", numeric.firstDivergence().get().maxAbsDiff());
        }
        ArrayNode runs = o.putArray("modules");
        for (ModuleOutputDiff m : numeric.modules()) {
            ObjectNode n = runs.addObject();
            n.put("path", m.path());
            number(n, "max_abs_diff", m.maxAbsDiff());
        }
        return o;
    }

    private static void number(ObjectNode n, String key, Double value) {
        if (value == null || !Double.isFinite(value)) n.putNull(key);
        else n.put(key, value);
    }

    static String text(String a, String b, ModelDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("A ").append(a).append('\n').append("B ").append(b).append("\n\n");
        sb.append("modules: ").append(counts(d.modules().stream().map(m -> m.status().jsonName()).toList())).append('\n');
        for (ModuleChange m : d.modules()) {
            if (m.status() == ModuleChange.Status.EQUAL) continue;
            sb.append(String.format(Locale.ROOT, "  %-8s %s", m.status().jsonName(), label(m.path())));
            if (m.status() == ModuleChange.Status.CHANGED) {
                sb.append("  (").append(String.join(", ", m.what())).append(')');
                if (m.what().contains("class")) sb.append("  ").append(m.classA()).append(" -> ").append(m.classB());
            } else {
                sb.append("  ").append(m.classA() != null ? m.classA() : m.classB());
            }
            sb.append('\n');
        }
        sb.append("parameters and buffers: ").append(counts(d.parameters().stream().map(p -> p.status().jsonName()).toList())).append('\n');
        for (ParameterChange p : d.parameters()) {
            switch (p.status()) {
                case EQUAL -> {
                }
                case VALUES -> sb.append(String.format(Locale.ROOT, "  values   %s  max abs diff %s, max rel diff %s%n", p.name(),
                        num(p.maxAbsDiff()), num(p.maxRelDiff())));
                case SHAPE -> sb.append(String.format(Locale.ROOT, "  shape    %s  %s -> %s%n", p.name(), p.shapeA(), p.shapeB()));
                case ADDED -> sb.append(String.format(Locale.ROOT, "  added    %s  %s%n", p.name(), p.shapeB()));
                case REMOVED -> sb.append(String.format(Locale.ROOT, "  removed  %s  %s%n", p.name(), p.shapeA()));
            }
        }
        List<ClassCodeDiff> changed = d.code().stream().filter(ClassCodeDiff::changed).toList();
        sb.append("code: ").append(changed.size()).append(" of ").append(d.code().size()).append(" classes differ\n");
        for (ClassCodeDiff c : changed) {
            sb.append("  ").append(c.title()).append('\n');
            for (LineDiff.Line l : c.lines()) {
                if (l.op() == LineDiff.Op.REMOVED) sb.append(String.format(Locale.ROOT, "    %4d - %s%n", l.oldLine(), l.text()));
                if (l.op() == LineDiff.Op.ADDED) sb.append(String.format(Locale.ROOT, "    %4d + %s%n", l.newLine(), l.text()));
            }
        }
        d.numeric().ifPresent(n -> numeric(sb, n));
        sb.append('\n').append(d.equivalent()
                ? (d.numeric().isPresent() ? "equivalent on these inputs" : "equal (give --arg to compare outputs too)")
                : "the models differ").append('\n');
        return sb.toString();
    }

    private static void numeric(StringBuilder sb, NumericDiff n) {
        sb.append(String.format(Locale.ROOT, "%noutputs of %s: %s, max abs diff %s (rtol %s, atol %s)%n", n.method(),
                n.outputsEqual() ? "equal" : "differ", num(n.outputMaxAbsDiff()), n.tolerance().rtol(), n.tolerance().atol()));
        sb.append("first divergence: ").append(n.firstDivergence()
                .map(f -> label(f.path()) + (f.shapeChanged() ? "  (output shape changed)" : "  max abs diff " + num(f.maxAbsDiff())))
                .orElse("none")).append('\n');
        sb.append("modules, in execution order:\n");
        for (ModuleOutputDiff m : n.modules()) {
            sb.append(String.format(Locale.ROOT, "  %s %-30s %s%n", m.diverges() ? "!" : " ", label(m.path()),
                    m.shapeChanged() ? "shape changed" : m.compared() ? num(m.maxAbsDiff()) : "too large to keep: statistics compared"));
        }
        if (!n.onlyInA().isEmpty()) sb.append("called only in A: ").append(String.join(", ", n.onlyInA().stream().map(DiffReport::label).toList())).append('\n');
        if (!n.onlyInB().isEmpty()) sb.append("called only in B: ").append(String.join(", ", n.onlyInB().stream().map(DiffReport::label).toList())).append('\n');
    }

    private static String label(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String counts(List<String> statuses) {
        java.util.Map<String, Long> c = new java.util.LinkedHashMap<>();
        statuses.forEach(s -> c.merge(s, 1L, Long::sum));
        StringBuilder sb = new StringBuilder();
        c.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
