package io.tsstudio.engine.diff;

import io.tsstudio.engine.observe.ModuleCall;
import io.tsstudio.engine.observe.Observation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two observed runs module by module. Calls are matched by path and by their index among the calls of that
 * path (its call order); the method may differ (a traced twin calls {@code forward} where a scripted model may call
 * another method).
 *
 * <p>The first divergence is taken in the order calls <em>returned</em>, not the order they started: the root's call
 * starts first and returns last, and a block whose convolution diverges diverges too. A TorchScript module can only
 * call its own submodules, so a call's nested calls are exactly the later calls whose path extends its path, up to
 * the first call that does not.
 */
final class CallMatching {
    private CallMatching() {
    }

    static NumericDiff compare(Observation a, Observation b, Tolerance tolerance) {
        Map<String, ModuleCall> byKeyB = new HashMap<>();
        for (ModuleCall c : b.calls()) byKeyB.put(key(c), c);
        Set<String> pathsA = new LinkedHashSet<>(), pathsB = new LinkedHashSet<>();
        a.calls().forEach(c -> pathsA.add(c.path()));
        b.calls().forEach(c -> pathsB.add(c.path()));

        Map<ModuleCall, OutputComparison> results = new HashMap<>();
        Map<String, Acc> perModule = new LinkedHashMap<>();
        for (ModuleCall ca : a.calls()) {
            ModuleCall cb = byKeyB.get(key(ca));
            if (cb == null) continue;
            OutputComparison r = OutputComparison.of(ca.output(), cb.output(), tolerance);
            results.put(ca, r);
            perModule.computeIfAbsent(ca.path(), p -> new Acc()).add(r);
        }
        List<ModuleOutputDiff> modules = new ArrayList<>();
        Map<String, ModuleOutputDiff> byPath = new HashMap<>();
        perModule.forEach((path, acc) -> {
            ModuleOutputDiff d = acc.result(path);
            modules.add(d);
            byPath.put(path, d);
        });

        Optional<ModuleOutputDiff> first = Optional.empty();
        for (ModuleCall c : returnOrder(a.calls())) {
            OutputComparison r = results.get(c);
            if (r != null && r.diverges()) {
                first = Optional.of(byPath.get(c.path()));
                break;
            }
        }

        OutputComparison root = rootComparison(a, b, tolerance);
        List<String> onlyA = pathsA.stream().filter(p -> !pathsB.contains(p)).toList();
        List<String> onlyB = pathsB.stream().filter(p -> !pathsA.contains(p)).toList();
        return new NumericDiff(a.method(), tolerance, !root.diverges(), root.shapeChanged() ? null : root.maxAbsDiff(),
                modules, first, onlyA, onlyB);
    }

    /** The root's first call is the method's own result. */
    private static OutputComparison rootComparison(Observation a, Observation b, Tolerance tolerance) {
        ModuleCall ra = a.calls().stream().filter(c -> c.path().isEmpty() && c.index() == 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("the observation of " + a.method() + " has no root call"));
        ModuleCall rb = b.calls().stream().filter(c -> c.path().isEmpty() && c.index() == 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("the observation of " + b.method() + " has no root call"));
        return OutputComparison.of(ra.output(), rb.output(), tolerance);
    }

    /** {@code calls} (in the order they started) in the order they returned. */
    static List<ModuleCall> returnOrder(List<ModuleCall> calls) {
        List<ModuleCall> out = new ArrayList<>(calls.size());
        Deque<ModuleCall> open = new ArrayDeque<>();
        for (ModuleCall c : calls) {
            while (!open.isEmpty() && !isInside(c.path(), open.peek().path())) out.add(open.pop());
            open.push(c);
        }
        while (!open.isEmpty()) out.add(open.pop());
        return out;
    }

    /** True when {@code path} names a strict descendant of {@code ancestor} ("" is everyone's ancestor). */
    static boolean isInside(String path, String ancestor) {
        if (ancestor.isEmpty()) return !path.isEmpty();
        return path.length() > ancestor.length() && path.startsWith(ancestor) && path.charAt(ancestor.length()) == '.';
    }

    private static String key(ModuleCall c) {
        return c.index() + "#" + c.path();
    }

    private static final class Acc {
        int calls;
        double max;
        boolean shapeChanged, diverges, compared = true;

        void add(OutputComparison r) {
            calls++;
            shapeChanged |= r.shapeChanged();
            diverges |= r.diverges();
            compared &= r.compared();
            if (r.maxAbsDiff() != null) max = Double.isNaN(r.maxAbsDiff()) || Double.isNaN(max) ? Double.NaN : Math.max(max, r.maxAbsDiff());
        }

        ModuleOutputDiff result(String path) {
            return new ModuleOutputDiff(path, calls, shapeChanged || !compared ? null : max, shapeChanged, diverges, compared);
        }
    }
}
