package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.GenericDict;
import org.bytedeco.pytorch.GenericDictIterator;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TupleElements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java value <-> IValue conversion for the tracer and the dispatcher (the Types table of ARCHITECTURE.md, the part
 * tracing needs). Results: Tensor, Long, Double, Boolean, String, null, long[]/double[]/boolean[] for typed scalar
 * lists, List for tensor lists, generic lists and tuples, LinkedHashMap for dicts.
 */
public final class JavaValues {
    private static volatile CompilationUnit dictMaker;

    private JavaValues() {
    }

    /** Java -> IValue without a schema to guide it. */
    public static IValue toIValue(Object v) {
        if (v == null) return new IValue();
        if (v instanceof io.tsstudio.engine.Tensor t) return new IValue(t.nativeHandle().get());
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) return new IValue(((Number) v).longValue());
        if (v instanceof Double || v instanceof Float) return new IValue(((Number) v).doubleValue());
        if (v instanceof Boolean b) return new IValue((boolean) b);
        if (v instanceof String s) return new IValue(s);
        if (v instanceof long[] || v instanceof int[]) {
            GenericList l = new GenericList(Types.INT);
            for (long x : longs(v)) l.push_back(new IValue(x));
            return new IValue(l);
        }
        if (v instanceof double[] || v instanceof float[]) {
            GenericList l = new GenericList(Types.FLOAT);
            for (double x : doubles(v)) l.push_back(new IValue(x));
            return new IValue(l);
        }
        if (v instanceof boolean[]) {
            GenericList l = new GenericList(Types.BOOL);
            for (boolean x : booleans(v)) l.push_back(new IValue(x));
            return new IValue(l);
        }
        if (v instanceof io.tsstudio.engine.JitTuple tv) return tuple(tv.values());
        if (v instanceof List<?> list) {
            if (allTensors(list)) {
                GenericList l = new GenericList(Types.TENSOR);
                for (Object t : list) l.push_back(toIValue(t));
                return new IValue(l);
            }
            if (!list.isEmpty() && list.stream().allMatch(e -> e instanceof Long || e instanceof Integer)) return toIValue(longs(list));
            if (!list.isEmpty() && list.stream().allMatch(e -> e instanceof Double)) return toIValue(doubles(list));
            if (!list.isEmpty() && list.stream().allMatch(e -> e instanceof Boolean)) return toIValue(booleans(list));
            return tuple(list); // heterogeneous: a tuple, as R torch does
        }
        if (v instanceof Map<?, ?> map) return tensorDict(map);
        throw new TorchException("cannot convert " + v.getClass().getName() + " to a TorchScript value");
    }

    static boolean allTensors(List<?> list) {
        for (Object e : list) if (!(e instanceof io.tsstudio.engine.Tensor)) return false;
        return true;
    }

    private static IValue tuple(List<?> items) {
        IValueVector v = new IValueVector();
        for (Object o : items) v.push_back(toIValue(o));
        return new IValue(org.bytedeco.pytorch.Tuple.create(v));
    }

    /** GenericDict has no constructor in the presets: build Dict[str, Tensor] through a tiny compiled helper. */
    private static IValue tensorDict(Map<?, ?> map) {
        GenericList keys = new GenericList(Types.STRING);
        GenericList values = new GenericList(Types.TENSOR);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof io.tsstudio.engine.Tensor t)) {
                throw new TorchException("only Map<String, Tensor> converts to a TorchScript dict here, got an entry " + e.getKey() + " -> " + Dispatcher.describe(e.getValue()));
            }
            keys.push_back(new IValue(k));
            values.push_back(toIValue(t));
        }
        CompilationUnit cu = dictMaker;
        if (cu == null) {
            synchronized (JavaValues.class) {
                if (dictMaker == null) {
                    CompilationUnit c = org.bytedeco.pytorch.global.torch.compile(
                            "def make(keys: List[str], values: List[Tensor]) -> Dict[str, Tensor]:\n"
                                    + "    d: Dict[str, Tensor] = {}\n"
                                    + "    for i in range(len(keys)):\n"
                                    + "        d[keys[i]] = values[i]\n"
                                    + "    return d\n");
                    c.retainReference();
                    dictMaker = c;
                }
                cu = dictMaker;
            }
        }
        return cu.find_function(new QualifiedName("make")).apply(new IValueVector(new IValue(keys), new IValue(values)));
    }

    /** IValue -> Java. Tensors come back owned by new engine tensors (copied handles: the IValue's own are borrowed). */
    public static Object fromIValue(IValue r) {
        if (r.isNone()) return null;
        if (r.isTensor()) return io.tsstudio.engine.Tensor.wrap(NativeTensor.own(new Tensor(r.toTensor())));
        if (r.isBool()) return r.toBool();
        if (r.isInt()) return r.toInt();
        if (r.isDouble()) return r.toDouble();
        if (r.isString()) return string(r);
        if (r.isTensorList()) {
            org.bytedeco.pytorch.TensorVector ts = r.toTensorVector();
            List<Object> out = new ArrayList<>((int) ts.size());
            for (long i = 0; i < ts.size(); i++) out.add(io.tsstudio.engine.Tensor.wrap(NativeTensor.own(new Tensor(ts.get(i)))));
            return Collections.unmodifiableList(out);
        }
        if (r.isIntList()) {
            org.bytedeco.pytorch.LongVector l = r.toIntVector();
            long[] out = new long[(int) l.size()];
            for (int i = 0; i < out.length; i++) out[i] = l.get(i);
            return out;
        }
        if (r.isDoubleList()) {
            org.bytedeco.pytorch.DoubleVector l = r.toDoubleVector();
            double[] out = new double[(int) l.size()];
            for (int i = 0; i < out.length; i++) out[i] = l.get(i);
            return out;
        }
        if (r.isBoolList()) {
            GenericList l = r.toList();
            boolean[] out = new boolean[(int) l.size()];
            for (int i = 0; i < out.length; i++) out[i] = l.get(i).toBool();
            return out;
        }
        if (r.isTuple()) {
            TupleElements el = r.toTuple().elements();
            List<Object> out = new ArrayList<>((int) el.size());
            for (long i = 0; i < el.size(); i++) out.add(fromIValue(el.get(i)));
            return new io.tsstudio.engine.JitTuple(out, List.of());
        }
        if (r.isList()) {
            GenericList l = r.toList();
            List<Object> out = new ArrayList<>((int) l.size());
            for (long i = 0; i < l.size(); i++) out.add(fromIValue(l.get(i)));
            return Collections.unmodifiableList(out);
        }
        if (r.isGenericDict()) {
            GenericDict d = r.toGenericDict();
            Map<Object, Object> out = new LinkedHashMap<>();
            GenericDictIterator it = d.begin();
            GenericDictIterator end = d.end();
            while (!it.equals(end)) {
                org.bytedeco.pytorch.GenericDictEntryRef e = it.access();
                out.put(fromIValue(e.key()), fromIValue(e.value()));
                it = it.increment();
            }
            return Collections.unmodifiableMap(out);
        }
        if (r.isDevice()) return io.tsstudio.engine.Device.parse(r.toDevice().str().getString());
        throw new TorchException("TorchScript value of this type cannot be converted to Java yet (tag " + r.tagKind().getString() + ")");
    }

    /** A str IValue's text (the presets' string() is null for an empty string). */
    static String string(IValue v) {
        String s = v.toConstantString().toString();
        return s == null ? "" : s;
    }

    // ---- array helpers ----

    static long[] longs(Object v) {
        if (v instanceof long[] a) return a;
        if (v instanceof int[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
            return out;
        }
        List<?> l = (List<?>) v;
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).longValue();
        return out;
    }

    static double[] doubles(Object v) {
        if (v instanceof double[] a) return a;
        if (v instanceof float[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
            return out;
        }
        if (v instanceof long[] || v instanceof int[]) {
            long[] l = longs(v);
            double[] out = new double[l.length];
            for (int i = 0; i < l.length; i++) out[i] = l[i];
            return out;
        }
        List<?> l = (List<?>) v;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).doubleValue();
        return out;
    }

    static boolean[] booleans(Object v) {
        if (v instanceof boolean[] a) return a;
        List<?> l = (List<?>) v;
        boolean[] out = new boolean[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = (Boolean) l.get(i);
        return out;
    }

    static List<?> objects(Object v) {
        if (v instanceof Object[] a) return java.util.Arrays.asList(a);
        return (List<?>) v;
    }
}
