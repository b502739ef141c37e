package io.tsstudio.engine.diff;

import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ModuleDescription;
import io.tsstudio.engine.ParameterInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.run.CancelToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;

/** The static half of a model diff: modules, parameters and buffers, class code. Reads both modules, changes neither. */
final class StructureDiff {
    private StructureDiff() {
    }

    static ModelDiff of(ScriptModule a, ScriptModule b, CancelToken cancel) {
        Map<String, ModuleDescription> ma = describe(a, cancel), mb = describe(b, cancel);
        Map<String, String> codeA = a.codeByClass();
        check(cancel);
        Map<String, String> codeB = b.codeByClass();
        check(cancel);
        List<ModuleChange> modules = modules(ma, mb, codeA, codeB);
        List<ParameterChange> parameters = new ArrayList<>();
        parameters(a.namedParameters(), b.namedParameters(), false, parameters, cancel);
        parameters(a.namedBuffers(), b.namedBuffers(), true, parameters, cancel);
        return new ModelDiff(modules, parameters, code(ma, mb, codeA, codeB), java.util.Optional.empty());
    }

    private static Map<String, ModuleDescription> describe(ScriptModule m, CancelToken cancel) {
        Map<String, ModuleDescription> out = new LinkedHashMap<>();
        m.describeModules(d -> {
            check(cancel);
            out.put(d.path(), d);
        });
        return out;
    }

    private static List<ModuleChange> modules(Map<String, ModuleDescription> ma, Map<String, ModuleDescription> mb,
                                              Map<String, String> codeA, Map<String, String> codeB) {
        List<ModuleChange> out = new ArrayList<>();
        for (ModuleDescription da : ma.values()) {
            ModuleDescription db = mb.get(da.path());
            if (db == null) {
                out.add(new ModuleChange(da.path(), ModuleChange.Status.REMOVED, List.of(), da.className(), null));
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!da.className().equals(db.className())) what.add("class");
            if (!Objects.equals(codeA.get(da.className()), codeB.get(db.className()))) what.add("code");
            if (!signatures(da.methods()).equals(signatures(db.methods()))) what.add("methods");
            out.add(new ModuleChange(da.path(), what.isEmpty() ? ModuleChange.Status.EQUAL : ModuleChange.Status.CHANGED,
                    what, da.className(), db.className()));
        }
        for (ModuleDescription db : mb.values()) {
            if (!ma.containsKey(db.path())) out.add(new ModuleChange(db.path(), ModuleChange.Status.ADDED, List.of(), null, db.className()));
        }
        return out;
    }

    /** Methods by name and signature without {@code self}, whose type is the class (another name in a twin). */
    private static Set<String> signatures(List<MethodInfo> methods) {
        Set<String> out = new LinkedHashSet<>();
        for (MethodInfo m : methods) {
            StringBuilder sb = new StringBuilder(m.name()).append('(');
            m.arguments().forEach(arg -> sb.append(arg.name()).append(':').append(arg.type())
                    .append(arg.defaultValue().map(v -> "=" + v).orElse("")).append(','));
            out.add(sb.append(")->").append(m.returnType()).toString());
        }
        return out;
    }

    private static void parameters(Map<String, Tensor> pa, Map<String, Tensor> pb, boolean buffers,
                                   List<ParameterChange> out, CancelToken cancel) {
        try {
            for (Map.Entry<String, Tensor> e : pa.entrySet()) {
                check(cancel);
                Tensor x = e.getValue(), y = pb.get(e.getKey());
                List<Long> sx = shape(x);
                if (y == null) {
                    out.add(new ParameterChange(e.getKey(), buffers, ParameterChange.Status.REMOVED, sx, null, null, null));
                } else if (!sx.equals(shape(y))) {
                    out.add(new ParameterChange(e.getKey(), buffers, ParameterChange.Status.SHAPE, sx, shape(y), null, null));
                } else if (TensorDifference.identical(x, y)) {
                    out.add(new ParameterChange(e.getKey(), buffers, ParameterChange.Status.EQUAL, sx, sx, 0.0, 0.0));
                } else {
                    out.add(new ParameterChange(e.getKey(), buffers, ParameterChange.Status.VALUES, sx, sx,
                            TensorDifference.maxAbs(x, y), TensorDifference.maxRel(x, y)));
                }
            }
            for (Map.Entry<String, Tensor> e : pb.entrySet()) {
                if (!pa.containsKey(e.getKey())) {
                    out.add(new ParameterChange(e.getKey(), buffers, ParameterChange.Status.ADDED, null, shape(e.getValue()), null, null));
                }
            }
        } finally {
            pa.values().forEach(Tensor::close);
            pb.values().forEach(Tensor::close);
        }
    }

    private static List<Long> shape(Tensor t) {
        List<Long> out = new ArrayList<>();
        for (long s : t.shape()) out.add(s);
        return out;
    }

    /**
     * Code diffs of the class pairs the module paths make (the classes at the same path), then of the classes no
     * path pairs, by name. Each pair once; a class on one side only gets a diff against nothing.
     */
    private static List<ClassCodeDiff> code(Map<String, ModuleDescription> ma, Map<String, ModuleDescription> mb,
                                            Map<String, String> codeA, Map<String, String> codeB) {
        Map<String, String> pairs = new LinkedHashMap<>(); // "A\0B" -> ""
        Set<String> pairedA = new LinkedHashSet<>(), pairedB = new LinkedHashSet<>();
        for (ModuleDescription da : ma.values()) {
            ModuleDescription db = mb.get(da.path());
            if (db == null || !codeA.containsKey(da.className()) || !codeB.containsKey(db.className())) continue;
            pairs.putIfAbsent(da.className() + '\0' + db.className(), "");
            pairedA.add(da.className());
            pairedB.add(db.className());
        }
        for (String ca : codeA.keySet()) {
            if (!pairedA.contains(ca) && codeB.containsKey(ca) && !pairedB.contains(ca)) {
                pairs.putIfAbsent(ca + '\0' + ca, "");
                pairedA.add(ca);
                pairedB.add(ca);
            }
        }
        List<ClassCodeDiff> out = new ArrayList<>();
        for (String pair : pairs.keySet()) {
            String ca = pair.substring(0, pair.indexOf('\0')), cb = pair.substring(pair.indexOf('\0') + 1);
            out.add(new ClassCodeDiff(ca, cb, LineDiff.diff(codeA.get(ca), codeB.get(cb))));
        }
        for (String ca : codeA.keySet()) {
            if (!pairedA.contains(ca)) out.add(new ClassCodeDiff(ca, null, LineDiff.diff(codeA.get(ca), "")));
        }
        for (String cb : codeB.keySet()) {
            if (!pairedB.contains(cb)) out.add(new ClassCodeDiff(null, cb, LineDiff.diff("", codeB.get(cb))));
        }
        return out;
    }

    static void check(CancelToken cancel) {
        if (cancel.isCancelled()) throw new CancellationException("model diff cancelled");
    }
}
