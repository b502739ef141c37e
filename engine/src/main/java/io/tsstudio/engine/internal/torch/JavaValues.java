package io.tsstudio.engine.internal.torch;

import org.bytedeco.pytorch.IValue;

import java.util.List;

/** Value helpers for the dispatcher and the tracer; whole-value conversion is the engine's ({@link IValues}). */
public final class JavaValues {
    private JavaValues() {
    }

    /** Java -> IValue without a schema to guide it (the engine's conversion, types inferred from the value). */
    public static IValue toIValue(Object v) {
        return IValues.toIValue(v, TsType.ANY, Where.argument("operator", "argument"));
    }

    static boolean allTensors(List<?> list) {
        for (Object e : list) if (!(e instanceof io.tsstudio.engine.Tensor)) return false;
        return true;
    }

    /** IValue -> Java by the engine's conversion; tensors come back owned by new engine tensors. */
    public static Object fromIValue(IValue r, String op) {
        return IValues.fromIValue(r, TsType.ANY, Where.result(op));
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
