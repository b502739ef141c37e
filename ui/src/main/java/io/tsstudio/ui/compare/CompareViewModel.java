package io.tsstudio.ui.compare;

import io.tsstudio.engine.diff.ClassCodeDiff;
import io.tsstudio.engine.diff.ModelDiff;
import io.tsstudio.engine.diff.ModuleChange;
import io.tsstudio.engine.diff.ModuleOutputDiff;
import io.tsstudio.engine.diff.NumericDiff;
import io.tsstudio.engine.diff.ParameterChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a comparison shows once its diff is in: the differences as rows (first divergence first, then outputs,
 * modules, parameters, code), and a mark per module path for each side's graph. Toolkit-free.
 */
public final class CompareViewModel {
    private final ModelDiff diff;
    private final List<DiffRow> rows = new ArrayList<>();
    private final Map<String, ModuleMark> marksA = new HashMap<>();
    private final Map<String, ModuleMark> marksB = new HashMap<>();

    public CompareViewModel(ModelDiff diff) {
        this.diff = diff;
        diff.numeric().ifPresent(this::numericRows);
        for (ModuleChange m : diff.modules()) {
            switch (m.status()) {
                case ADDED -> {
                    mark(marksB, m.path(), ModuleMark.ADDED);
                    rows.add(row("module", "added", "+ module " + label(m.path()) + "  " + m.classB(), m.path()));
                }
                case REMOVED -> {
                    mark(marksA, m.path(), ModuleMark.REMOVED);
                    rows.add(row("module", "removed", "\u2212 module " + label(m.path()) + "  " + m.classA(), m.path()));
                }
                case CHANGED -> {
                    markBoth(m.path(), ModuleMark.CHANGED);
                    rows.add(row("module", "changed", "~ module " + label(m.path()) + "  (" + String.join(", ", m.what()) + ")", m.path()));
                }
                case EQUAL -> {
                }
            }
        }
        for (ParameterChange p : diff.parameters()) {
            if (p.status() == ParameterChange.Status.EQUAL) continue;
            String owner = owner(p.name());
            String what = switch (p.status()) {
                case VALUES -> String.format(Locale.ROOT, "values  max abs %.4g", p.maxAbsDiff());
                case SHAPE -> "shape " + p.shapeA() + " \u2192 " + p.shapeB();
                case ADDED -> "added " + p.shapeB();
                case REMOVED -> "removed " + p.shapeA();
                case EQUAL -> "";
            };
            if (p.status() == ParameterChange.Status.ADDED) mark(marksB, owner, ModuleMark.CHANGED);
            else if (p.status() == ParameterChange.Status.REMOVED) mark(marksA, owner, ModuleMark.CHANGED);
            else markBoth(owner, ModuleMark.CHANGED);
            rows.add(row("parameter", p.status().jsonName(), (p.buffer() ? "buffer " : "parameter ") + p.name() + "  " + what, owner));
        }
        for (ClassCodeDiff c : diff.code()) {
            if (c.changed()) rows.add(new DiffRow("code", "changed", "code of " + c.title(), Optional.empty(), Optional.of(c)));
        }
        if (rows.isEmpty()) rows.add(new DiffRow("summary", "equal", "no differences", Optional.empty(), Optional.empty()));
    }

    private void numericRows(NumericDiff n) {
        for (ModuleOutputDiff m : n.modules()) {
            if (m.diverges()) markBoth(m.path(), ModuleMark.DIVERGING);
        }
        n.firstDivergence().ifPresent(f -> {
            markBoth(f.path(), ModuleMark.FIRST_DIVERGENCE);
            rows.add(row("output", "first", "first divergence: " + label(f.path()) + "  "
                    + (f.shapeChanged() ? "output shape changed" : "max abs diff " + num(f.maxAbsDiff())), f.path()));
        });
        rows.add(new DiffRow("output", n.outputsEqual() ? "equal" : "differs", "outputs of " + n.method() + ": "
                + (n.outputsEqual() ? "equal" : "differ") + ", max abs diff " + num(n.outputMaxAbsDiff()), Optional.empty(), Optional.empty()));
        for (ModuleOutputDiff m : n.modules()) {
            if (m.diverges() && !n.firstDivergence().map(f -> f.path().equals(m.path())).orElse(false)) {
                rows.add(row("output", "diverges", "diverges: " + label(m.path()) + "  "
                        + (m.shapeChanged() ? "shape changed" : "max abs diff " + num(m.maxAbsDiff())), m.path()));
            }
        }
    }

    public ModelDiff diff() {
        return diff;
    }

    public List<DiffRow> rows() {
        return List.copyOf(rows);
    }

    /** The first module whose output parts, when inputs were run and they part. */
    public Optional<String> firstDivergence() {
        return diff.numeric().flatMap(NumericDiff::firstDivergence).map(ModuleOutputDiff::path);
    }

    /** The mark of module {@code path} in the first model's graph. */
    public Optional<ModuleMark> markA(String path) {
        return Optional.ofNullable(marksA.get(path));
    }

    /** The mark of module {@code path} in the second model's graph. */
    public Optional<ModuleMark> markB(String path) {
        return Optional.ofNullable(marksB.get(path));
    }

    /** One line summing the comparison up, for a status bar. */
    public String summary() {
        long modules = diff.modules().stream().filter(m -> m.status() != ModuleChange.Status.EQUAL).count();
        long params = diff.parameters().stream().filter(p -> p.status() != ParameterChange.Status.EQUAL).count();
        long code = diff.code().stream().filter(ClassCodeDiff::changed).count();
        String s = modules + " module, " + params + " parameter and " + code + " class code difference" + (modules + params + code == 1 ? "" : "s");
        return s + diff.numeric().map(n -> n.firstDivergence().map(f -> "; outputs part at " + label(f.path()))
                .orElse(n.outputsEqual() ? "; same outputs" : "; outputs differ")).orElse("; no inputs run");
    }

    private void markBoth(String path, ModuleMark m) {
        mark(marksA, path, m);
        mark(marksB, path, m);
    }

    private static void mark(Map<String, ModuleMark> marks, String path, ModuleMark m) {
        marks.merge(path, m, (old, now) -> now.ordinal() > old.ordinal() ? now : old);
    }

    private static DiffRow row(String kind, String status, String text, String path) {
        return new DiffRow(kind, status, text, Optional.of(path), Optional.empty());
    }

    /** The module a parameter belongs to: its dotted name without the last part. */
    static String owner(String parameter) {
        int dot = parameter.lastIndexOf('.');
        return dot < 0 ? "" : parameter.substring(0, dot);
    }

    static String label(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    private static String num(Double v) {
        return v == null ? "\u2013" : String.format(Locale.ROOT, "%.4g", v);
    }
}
